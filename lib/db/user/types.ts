import type { TRole } from '@/lib/auth/roles';

/** A user as the app sees it (no password hash). */
export type TUser = {
  id: string;
  email: string | null;
  name: string | null;
  role: TRole;
  vimMode: boolean;
  createdAt: Date;
};

/** Prisma `select` for TUser. */
export const USER_SELECT = { id: true, email: true, name: true, role: true, vimMode: true, createdAt: true } as const;
