import { db } from '@/lib/db/client';
import { ATTEMPT_SELECT, type TAttempt } from './types';

/** One attempt by id, only if it belongs to `userId` (others' attempts are indistinguishable from missing ones). */
export async function findOwnAttempt(userId: string, id: string): Promise<TAttempt | null> {
  return db.attempt.findFirst({ where: { id, userId }, select: ATTEMPT_SELECT });
}
