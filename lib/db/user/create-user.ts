import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { TRole } from '@/lib/auth/roles';
import { USER_SELECT, type TUser } from './types';

/** Create a user with a password; a taken email is an AppError CONFLICT. */
export async function createUser(input: { email: string; name?: string | null; passwordHash: string; role?: TRole }): Promise<TUser> {
  try {
    const row = await db.user.create({
      data: { email: input.email, name: input.name ?? null, passwordHash: input.passwordHash, role: input.role ?? 'learner' },
      select: USER_SELECT,
    });
    return { ...row };
  } catch (err) {
    // P2002 = unique constraint violation: the email is taken (a race with another sign-up included).
    if ((err as { code?: unknown }).code === 'P2002') {
      throw new AppError('CONFLICT', 'an account with this email already exists; sign in instead', { fields: [{ path: 'email', message: 'email is already registered' }] });
    }
    throw err;
  }
}
