import { db } from '@/lib/db/client';
import type { TRole } from '@/lib/auth/roles';
import { USER_SELECT, type TUser } from './types';

/** Create the user, or set the password (and role) of an existing one: used by `user:create` and the env admin. */
export async function upsertUserPassword(input: { email: string; passwordHash: string; role: TRole; name?: string | null }): Promise<{ user: TUser; created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const row = await db.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name ?? null, passwordHash: input.passwordHash, role: input.role },
    update: { passwordHash: input.passwordHash, role: input.role },
    select: USER_SELECT,
  });
  return { user: { ...row }, created: !existing };
}
