import type { TDrillSession } from './types';

/** The answer of `POST /api/drills/sessions/{id}/finish` (and the totals of a finished session). */
export type TResultsResponse = {
  id: string;
  title: string;
  finishedAt: string;
  finishedBy: 'learner' | 'deadline';
  /** Weighted by difficulty, in [0, 1]. */
  score: number;
  passed: boolean;
  earned: number;
  possible: number;
  tasks: { index: number; scenario: string; title: string; difficulty: number; answered: boolean; score: number; passed: boolean; timeSpentMs: number; attemptId: string | null }[];
};

/** A finished session's results as JSON; null while it is still running. */
export function toResultsResponse(session: TDrillSession): TResultsResponse | null {
  if (!session.finishedAt || !session.results) return null;
  const r = session.results;
  return {
    id: session.id,
    title: session.title,
    finishedAt: session.finishedAt.toISOString(),
    finishedBy: r.finishedBy,
    score: r.score,
    passed: r.passed,
    earned: r.earned,
    possible: r.possible,
    tasks: r.tasks.map((t) => ({ index: t.index, scenario: t.slug, title: t.title, difficulty: t.difficulty, answered: t.answered, score: t.score, passed: t.passed, timeSpentMs: t.timeSpentMs, attemptId: t.attemptId })),
  };
}
