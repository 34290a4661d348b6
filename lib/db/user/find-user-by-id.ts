import { db } from '@/lib/db/client';
import { USER_SELECT, type TUser } from './types';

/** The user with this id, or null. */
export async function findUserById(id: string): Promise<TUser | null> {
  const row = await db.user.findUnique({ where: { id }, select: USER_SELECT });
  return row ? { ...row } : null;
}
