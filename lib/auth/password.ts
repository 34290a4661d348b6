import bcrypt from 'bcryptjs';
import { z } from 'zod';

/** bcrypt work factor: ~250 ms per hash on a laptop core, the OWASP-recommended floor is 10. */
export const BCRYPT_COST = 12;

/** Minimum password length (NIST 800-63B suggests length over composition rules). */
export const PASSWORD_MIN_LENGTH = 10;

// bcrypt only uses the first 72 bytes; longer inputs would silently be truncated.
const PASSWORD_MAX_BYTES = 72;

/** Why a password is too weak, or null when it is acceptable. */
export function checkPasswordStrength(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `password must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return `password must have at most ${PASSWORD_MAX_BYTES} bytes`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) return 'password must mix at least two kinds of characters (lowercase, uppercase, digits, symbols)';
  if (/^(.)\1*$/.test(password)) return 'password must not repeat a single character';
  return null;
}

/** A new password: the strength rules as a zod schema (sign-up, user:create). */
export const ZNewPassword = z.string().superRefine((value, ctx) => {
  const problem = checkPasswordStrength(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Hash a password with bcrypt. */
export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

// A real hash of a random string: comparing against it when the user does not exist keeps
// sign-in timing the same for unknown emails (no user enumeration by timing).
const DUMMY_HASH = '$2b$12$y/FHxGmUgFwpVNHxbJ68pOMEYWreV2YLBDAX2FfSm0ryvL081CW6u';

/** Compare a password with a stored hash; a missing hash still spends the same time and fails. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}
