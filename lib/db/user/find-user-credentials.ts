import { db } from '@/lib/db/client';
import { USER_SELECT, type TUser } from './types';

/** The user with this (normalized) email and their password hash, for sign-in only. */
export async function findUserCredentials(email: string): Promise<(TUser & { passwordHash: string | null }) | null> {
  const row = await db.user.findUnique({ where: { email }, select: { ...USER_SELECT, passwordHash: true } });
  return row ? { ...row } : null;
}
