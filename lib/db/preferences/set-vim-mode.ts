import { db } from '@/lib/db/client';

/** The user's editor preferences. */
export type TPreferences = { vimMode: boolean };

/** Remembers whether the user edits in vim mode. */
export async function setVimMode(userId: string, vimMode: boolean): Promise<TPreferences> {
  return db.user.update({ where: { id: userId }, data: { vimMode }, select: { vimMode: true } });
}
