import { db } from '@/lib/db/client';
import { ATTEMPT_SELECT, type TAttempt } from './types';

/** A stored attempt of the caller's, with the scenario's title and whether it was made in a drill. */
export type TOwnAttempt = TAttempt & { inDrill: boolean; scenarioTitle: string | null };

/** One attempt by id, only if it belongs to `userId` (others' attempts are indistinguishable from missing ones: callers answer 404). */
export async function findOwnAttempt(userId: string, id: string): Promise<TOwnAttempt | null> {
  const row = await db.attempt.findFirst({
    where: { id, userId },
    select: { ...ATTEMPT_SELECT, drillSessionId: true, scenario: { select: { content: true } } },
  });
  if (!row) return null;
  const { drillSessionId, scenario, ...rest } = row;
  const title = (scenario?.content as { title?: unknown } | null)?.title;
  return { ...rest, inDrill: drillSessionId !== null, scenarioTitle: typeof title === 'string' ? title : null };
}
