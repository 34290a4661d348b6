import { z } from 'zod';

/** An email address, trimmed and lower-cased so one person cannot hold two accounts by case. */
export const ZEmail = z
  .string()
  .trim()
  .max(254, 'email is too long')
  .pipe(z.email('enter a valid email address'))
  .transform((v) => v.toLowerCase());

/** Trim and lower-case an email for lookups. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
