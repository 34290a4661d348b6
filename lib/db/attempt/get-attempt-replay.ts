import type { GradeReport } from '@/lib/scenarios/grade';
import { redactReport } from '@/lib/scenarios/learner-view';
import { getRevealState } from '@/lib/db/scenario/get-reveal-state';
import { toReplayFeedback, type TReplayFeedback } from '@/lib/db/progress/attempt-feedback';
import { findOwnAttempt, type TOwnAttempt } from './find-own-attempt';

/** What the replay page shows: the attempt's figures and YAML (never the stored report itself) and its feedback. */
export type TAttemptReplay = { attempt: Omit<TOwnAttempt, 'results'>; feedback: TReplayFeedback };

/**
 * One of the user's own attempts, ready to replay, or null (missing or someone else's). The stored report is the
 * unredacted grade, so it goes through `redactReport` under the user's current reveal state first: before a pass
 * or give-up, passed expectations (and their `why`) are gone before anything is projected onto the YAML.
 */
export async function getAttemptReplay(userId: string, id: string): Promise<TAttemptReplay | null> {
  const found = await findOwnAttempt(userId, id);
  if (!found) return null;
  const { results, ...attempt } = found;
  const { revealed } = await getRevealState(userId, attempt.scenarioSlug);
  // A report not shaped like a grade (none is stored so, but the column is free JSON) shows nothing rather than raw data.
  const report = Array.isArray((results as { expectations?: unknown } | null)?.expectations) ? redactReport(results as GradeReport, { revealed }) : {};
  return { attempt, feedback: toReplayFeedback(report) };
}
