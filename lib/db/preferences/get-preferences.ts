import { db } from '@/lib/db/client';
import type { TPreferences } from './set-vim-mode';

/** The user's editor preferences (defaults when the user row is gone). */
export async function getPreferences(userId: string): Promise<TPreferences> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { vimMode: true } });
  return { vimMode: row?.vimMode ?? false };
}
