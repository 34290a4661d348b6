import { AppError } from '@/lib/errors';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { openScenarioProgress } from '@/lib/db/scenario/open-scenario-progress';
import { createAttempt } from './create-attempt';
import { hasPassedScenario } from './has-passed-scenario';
import { toAttemptResponse, type TAttemptResponse } from './attempt-response';

/** Longest duration we store for one attempt (a tab left open overnight is not practice time). */
export const MAX_ATTEMPT_DURATION_MS = 6 * 60 * 60 * 1000;

/** A submission to grade and store. */
export type TSubmission = { userId: string; slug: string; yaml: string; startedAt?: Date; idempotencyKey?: string | null; now?: Date };

/**
 * Grades `yaml` against the newest published version of the scenario, stores the attempt (pinned to that
 * version, with hints used and whether the solution was seen) and answers under the reveal rules.
 * A repeated Idempotency-Key returns the first attempt as it was graded then.
 */
export async function submitAttempt(s: TSubmission): Promise<TAttemptResponse & { created: boolean }> {
  const scenario = await findPublishedScenario(s.slug);
  if (!scenario) throw new AppError('NOT_FOUND', `no published scenario \`${s.slug}\``);
  const progress = await openScenarioProgress(s.userId, s.slug);
  const report = gradeSubmission(scenario.content, s.yaml);
  const now = s.now ?? new Date();
  // The client's page-open time when given (it survives reloads poorly), else the first open we recorded.
  const started = s.startedAt && s.startedAt.getTime() <= now.getTime() ? s.startedAt : progress.openedAt;
  const durationMs = Math.min(Math.max(now.getTime() - started.getTime(), 0), MAX_ATTEMPT_DURATION_MS);
  const { attempt, created } = await createAttempt({
    userId: s.userId,
    scenarioId: scenario.id,
    scenarioSlug: scenario.slug,
    scenarioVersion: scenario.version,
    yaml: s.yaml,
    score: report.score,
    passedCount: report.passed,
    total: report.total,
    passed: report.pass,
    results: report,
    durationMs,
    hintsUsed: progress.hintsUnlocked,
    solutionViewed: progress.solutionViewed,
    idempotencyKey: s.idempotencyKey,
  });
  if (!created && attempt.scenarioSlug !== scenario.slug) {
    // The key names one request; reusing it for another scenario is a client bug, not a retry.
    throw new AppError('CONFLICT', `Idempotency-Key was already used for a submission to \`${attempt.scenarioSlug}\`: use a new key for each submission`);
  }
  const revealed = attempt.passed || progress.gaveUp || (await hasPassedScenario(s.userId, s.slug));
  return { ...toAttemptResponse(attempt, { revealed }), created };
}
