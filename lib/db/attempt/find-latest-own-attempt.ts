import { db } from '@/lib/db/client';
import { ATTEMPT_SELECT, type TAttempt } from './types';

/** The user's newest practice attempt on a scenario (drill attempts excluded: their feedback belongs to the drill), or null. */
export async function findLatestOwnAttempt(userId: string, scenarioSlug: string): Promise<TAttempt | null> {
  return db.attempt.findFirst({
    where: { userId, scenarioSlug, drillSessionId: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: ATTEMPT_SELECT,
  });
}
