import { db } from '@/lib/db/client';
import type { TAttemptListItem } from './list-own-attempts';

/** A stored attempt with its YAML and stored grade results (raw JSON: project with toReplayFeedback). */
export type TOwnAttempt = TAttemptListItem & { yaml: string; results: unknown; scenarioTitle: string | null };

/** The attempt if it belongs to `userId`, else null (callers answer 404: other users' ids are not confirmed). */
export async function findOwnAttempt(userId: string, id: string): Promise<TOwnAttempt | null> {
  const row = await db.attempt.findFirst({
    where: { id, userId },
    select: {
      id: true, scenarioSlug: true, scenarioVersion: true, score: true, passed: true, passedCount: true, total: true, durationMs: true,
      hintsUsed: true, solutionViewed: true, drillSessionId: true, createdAt: true, yaml: true, results: true,
      scenario: { select: { content: true } },
    },
  });
  if (!row) return null;
  const { drillSessionId, scenario, ...rest } = row;
  const title = (scenario?.content as { title?: unknown } | null)?.title;
  return { ...rest, inDrill: drillSessionId !== null, scenarioTitle: typeof title === 'string' ? title : null };
}
