import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { ATTEMPT_SELECT } from '@/lib/db/attempt/types';
import { toAttemptResponse, type TAttemptResponse } from '@/lib/db/attempt/attempt-response';
import type { TScenario } from '@/lib/scenarios/schema';
import { findOwnDrillSession } from './find-own-drill-session';
import { finishIfExpired } from './finish-drill-session';
import { loadPinnedScenarios } from './load-pinned-scenarios';
import { toResultsResponse, type TResultsResponse } from './to-results-response';

/** One task of the results page: its totals, the full graded attempt (everything revealed) and the pinned scenario. */
export type TTaskReview = TResultsResponse['tasks'][number] & { yaml: string | null; attempt: TAttemptResponse | null; content: TScenario };

/** Everything the results page shows; null while the session is still running. */
export type TDrillResults = { results: TResultsResponse; drillSlug: string | null; startedAt: Date; deadline: Date; feedback: 'end' | 'immediate'; tasks: TTaskReview[] } | null;

/** The full review of a finished session (finishing it first if its deadline passed); 404 for others' sessions. */
export async function getDrillResults(userId: string, id: string, opts: { now?: Date } = {}): Promise<TDrillResults> {
  const found = await findOwnDrillSession(userId, id);
  if (!found) throw new AppError('NOT_FOUND', 'no such drill session');
  const session = await finishIfExpired(found, opts.now ?? new Date());
  const results = toResultsResponse(session);
  if (!results) return null;
  const ids = results.tasks.map((t) => t.attemptId).filter((x): x is string => x !== null);
  const [attempts, scenarios] = await Promise.all([
    db.attempt.findMany({ where: { id: { in: ids }, userId }, select: ATTEMPT_SELECT }),
    loadPinnedScenarios(session.tasks),
  ]);
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const tasks = results.tasks.map((t): TTaskReview => {
    const a = t.attemptId ? byId.get(t.attemptId) : undefined;
    // The drill is over: the review shows every flow, as after a pass on the exercise page.
    return { ...t, yaml: a?.yaml ?? null, attempt: a ? toAttemptResponse(a, { revealed: true }) : null, content: scenarios.get(t.index)! };
  });
  return { results, drillSlug: session.drillSlug, startedAt: session.startedAt, deadline: session.deadline, feedback: session.feedback, tasks };
}
