import { db } from '@/lib/db/client';
import type { TAttemptSummary } from './types';

/** Every attempt of one user (drill attempts included), oldest first, with the fields progress needs. */
export async function listAttemptSummaries(userId: string): Promise<TAttemptSummary[]> {
  const rows = await db.attempt.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, scenarioSlug: true, score: true, passed: true, durationMs: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r }));
}
