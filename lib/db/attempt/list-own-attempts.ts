import { db } from '@/lib/db/client';
import { ATTEMPT_SELECT, type TAttempt } from './types';

/**
 * The user's practice attempts, newest first, optionally for one scenario. Drill attempts are left out unless
 * asked for: a drill with end-of-drill feedback must not show its results on the exercise page meanwhile.
 */
export async function listOwnAttempts(userId: string, opts: { scenarioSlug?: string; limit?: number; includeDrills?: boolean } = {}): Promise<TAttempt[]> {
  return db.attempt.findMany({
    where: {
      userId,
      ...(opts.scenarioSlug ? { scenarioSlug: opts.scenarioSlug } : {}),
      ...(opts.includeDrills ? {} : { drillSessionId: null }),
    },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(opts.limit ?? 50, 1), 500),
    select: ATTEMPT_SELECT,
  });
}
