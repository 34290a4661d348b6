import { db } from '@/lib/db/client';
import type { TAttempt } from './types';

/** One row of an attempts list: the grade figures, without the YAML and the stored report. */
export type TAttemptSummary = Pick<TAttempt, 'id' | 'scenarioSlug' | 'scenarioVersion' | 'score' | 'passed' | 'passedCount' | 'total' | 'durationMs' | 'hintsUsed' | 'solutionViewed' | 'createdAt'> & {
  inDrill: boolean;
};

/** Default page size of the attempts lists. */
export const ATTEMPTS_PAGE_SIZE = 25;

const SUMMARY_SELECT = {
  id: true,
  scenarioSlug: true,
  scenarioVersion: true,
  score: true,
  passed: true,
  passedCount: true,
  total: true,
  durationMs: true,
  hintsUsed: true,
  solutionViewed: true,
  drillSessionId: true,
  createdAt: true,
} as const;

/**
 * One page (1-based) of the user's attempts, newest first, optionally for one scenario, with the total and whether
 * more exist. Drill attempts are left out unless asked for: a drill with end-of-drill feedback must not show its
 * results on the exercise page meanwhile.
 */
export async function listOwnAttempts(
  userId: string,
  opts: { scenarioSlug?: string; includeDrills?: boolean; page?: number; pageSize?: number } = {},
): Promise<{ items: TAttemptSummary[]; hasMore: boolean; total: number }> {
  const size = Math.min(Math.max(Math.floor(opts.pageSize ?? ATTEMPTS_PAGE_SIZE), 1), 100);
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const where = {
    userId,
    ...(opts.scenarioSlug ? { scenarioSlug: opts.scenarioSlug } : {}),
    ...(opts.includeDrills ? {} : { drillSessionId: null }),
  };
  const [rows, total] = await Promise.all([
    // The id breaks createdAt ties so that pages neither repeat nor skip a row.
    db.attempt.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * size, take: size + 1, select: SUMMARY_SELECT }),
    db.attempt.count({ where }),
  ]);
  const items = rows.slice(0, size).map(({ drillSessionId, ...r }) => ({ ...r, inDrill: drillSessionId !== null }));
  return { items, hasMore: rows.length > size, total };
}
