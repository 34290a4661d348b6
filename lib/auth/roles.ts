import { z } from 'zod';

/** Every role, least to most privileged (same values as Prisma's `Role` enum). */
export const ROLES = ['learner', 'instructor', 'admin'] as const;

/** A user's role. */
export const ZRole = z.enum(ROLES);
/** A user's role. */
export type TRole = z.infer<typeof ZRole>;

/** True when `role` may author content (instructors and admins). */
export function canAuthor(role: TRole): boolean {
  return role === 'instructor' || role === 'admin';
}
