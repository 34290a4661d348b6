import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { TRole } from '@/lib/auth/roles';
import { USER_SELECT, type TUser } from './types';

/** Change a user's role; unknown ids are NOT_FOUND. */
export async function updateUserRole(id: string, role: TRole): Promise<TUser> {
  try {
    const row = await db.user.update({ where: { id }, data: { role }, select: USER_SELECT });
    return { ...row };
  } catch (err) {
    if ((err as { code?: unknown }).code === 'P2025') throw new AppError('NOT_FOUND', 'user not found');
    throw err;
  }
}
