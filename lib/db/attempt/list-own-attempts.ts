import { db } from '@/lib/db/client';
import { ATTEMPT_SELECT, type TAttempt } from './types';

/** The user's attempts, newest first, optionally for one scenario. */
export async function listOwnAttempts(userId: string, opts: { scenarioSlug?: string; limit?: number } = {}): Promise<TAttempt[]> {
  return db.attempt.findMany({
    where: { userId, ...(opts.scenarioSlug ? { scenarioSlug: opts.scenarioSlug } : {}) },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(opts.limit ?? 50, 1), 500),
    select: ATTEMPT_SELECT,
  });
}
