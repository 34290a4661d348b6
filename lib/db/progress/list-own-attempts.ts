import { db } from '@/lib/db/client';

/** One row of the attempts list. */
export type TAttemptListItem = {
  id: string;
  scenarioSlug: string;
  scenarioVersion: number;
  score: number;
  passed: boolean;
  passedCount: number;
  total: number;
  durationMs: number;
  hintsUsed: number;
  solutionViewed: boolean;
  inDrill: boolean;
  createdAt: Date;
};

/** Attempts list page size. */
export const ATTEMPTS_PAGE_SIZE = 25;

/** One page (1-based) of a user's own attempts, newest first, and whether more exist. */
export async function listOwnAttempts(userId: string, page = 1, filter: { scenarioSlug?: string } = {}): Promise<{ items: TAttemptListItem[]; hasMore: boolean; total: number }> {
  const where = { userId, ...(filter.scenarioSlug ? { scenarioSlug: filter.scenarioSlug } : {}) };
  const [rows, total] = await Promise.all([
    db.attempt.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (Math.max(1, page) - 1) * ATTEMPTS_PAGE_SIZE,
      take: ATTEMPTS_PAGE_SIZE + 1,
      select: { id: true, scenarioSlug: true, scenarioVersion: true, score: true, passed: true, passedCount: true, total: true, durationMs: true, hintsUsed: true, solutionViewed: true, drillSessionId: true, createdAt: true },
    }),
    db.attempt.count({ where }),
  ]);
  const items = rows.slice(0, ATTEMPTS_PAGE_SIZE).map(({ drillSessionId, ...r }) => ({ ...r, inDrill: drillSessionId !== null }));
  return { items, hasMore: rows.length > ATTEMPTS_PAGE_SIZE, total };
}
