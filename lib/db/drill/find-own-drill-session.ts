import { db } from '@/lib/db/client';
import { SESSION_SELECT, type TDrillSession } from './types';
import { toSession } from './to-session';

/** One session by id, only if it belongs to `userId` (someone else's session is indistinguishable from none). */
export async function findOwnDrillSession(userId: string, id: string): Promise<TDrillSession | null> {
  const row = await db.drillSession.findFirst({ where: { id, userId }, select: SESSION_SELECT });
  return row ? toSession(row) : null;
}
