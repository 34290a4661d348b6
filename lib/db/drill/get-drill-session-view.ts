import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isAnswered, remainingSeconds } from '@/lib/drills/save-rules';
import { toAttemptResponse, type TAttemptResponse } from '@/lib/db/attempt/attempt-response';
import { ATTEMPT_SELECT } from '@/lib/db/attempt/types';
import type { TScenario } from '@/lib/scenarios/schema';
import { findOwnDrillSession } from './find-own-drill-session';
import { finishIfExpired } from './finish-drill-session';
import { loadPinnedScenarios } from './load-pinned-scenarios';
import { DRAFT_SELECT, type TDrillSession } from './types';

/** One task as `GET /api/drills/sessions/{id}` shows it: no grading data unless the drill allows it. */
export type TTaskView = {
  index: number;
  scenario: string;
  version: number;
  title: string;
  kind: 'write' | 'predict';
  difficulty: number;
  draft: { yaml: string; savedAt: string } | null;
  flagged: boolean;
  answered: boolean;
  timeSpentMs: number;
  /** Immediate mode: the newest graded submit of this task; always null in `end` mode before finish. */
  lastResult: TAttemptResponse | null;
};

/** The session as the API and the session page show it. */
export type TSessionView = {
  id: string;
  title: string;
  drill: string | null;
  feedback: 'end' | 'immediate';
  startedAt: string;
  deadline: string;
  /** The server's clock when this answer was made: pages estimate server time from it. */
  serverNow: string;
  remainingSeconds: number;
  finished: boolean;
  finishedAt: string | null;
  tasks: TTaskView[];
  /** Only once finished: the totals (the per-task review is on the results page). */
  results: { score: number; passed: boolean; finishedBy: 'learner' | 'deadline' } | null;
};

/** The session, its pinned scenarios (server only) and its view; finishes it first when the deadline has passed. */
export async function getDrillSessionView(userId: string, id: string, opts: { now?: Date } = {}): Promise<{ session: TDrillSession; scenarios: Map<number, TScenario>; view: TSessionView }> {
  const found = await findOwnDrillSession(userId, id);
  if (!found) throw new AppError('NOT_FOUND', 'no such drill session');
  const session = await finishIfExpired(found, opts.now ?? new Date());
  const now = opts.now ?? new Date();
  const immediate = session.feedback === 'immediate';
  const [drafts, scenarios, attempts] = await Promise.all([
    db.drillTaskDraft.findMany({ where: { sessionId: id }, select: DRAFT_SELECT }),
    loadPinnedScenarios(session.tasks),
    // In `end` mode grading data is not even read before finish, so it cannot leak into the view.
    immediate ? db.attempt.findMany({ where: { drillSessionId: id, userId }, orderBy: { createdAt: 'desc' }, select: ATTEMPT_SELECT }) : Promise.resolve([]),
  ]);
  const draftOf = new Map(drafts.map((d) => [d.index, d]));
  const tasks: TTaskView[] = session.tasks.map((t) => {
    const d = draftOf.get(t.index);
    const last = attempts.find((a) => a.scenarioSlug === t.slug);
    return {
      index: t.index,
      scenario: t.slug,
      version: t.version,
      title: t.title,
      kind: t.kind,
      difficulty: t.difficulty,
      draft: d ? { yaml: d.yaml, savedAt: d.savedAt.toISOString() } : null,
      flagged: d?.flagged ?? false,
      answered: isAnswered(t.kind, d?.yaml, scenarios.get(t.index)?.starter),
      timeSpentMs: d?.timeSpentMs ?? 0,
      lastResult: last ? toAttemptResponse(last, { revealed: last.passed }) : null,
    };
  });
  const view: TSessionView = {
    id: session.id,
    title: session.title,
    drill: session.drillSlug,
    feedback: session.feedback,
    startedAt: session.startedAt.toISOString(),
    deadline: session.deadline.toISOString(),
    serverNow: now.toISOString(),
    remainingSeconds: session.finishedAt ? 0 : remainingSeconds(session.deadline, now),
    finished: session.finishedAt !== null,
    finishedAt: session.finishedAt?.toISOString() ?? null,
    tasks,
    results: session.results ? { score: session.results.score, passed: session.results.passed, finishedBy: session.results.finishedBy } : null,
  };
  return { session, scenarios, view };
}
