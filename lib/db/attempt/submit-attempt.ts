import { AppError } from '@/lib/errors';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { loadSubmitContext } from '@/lib/db/scenario/load-submit-context';
import type { TRateLimitCheck } from '@/lib/db/rate-limit/hit-rate-limits';
import { createAttempt } from './create-attempt';
import { toAttemptResponse, type TAttemptResponse } from './attempt-response';

/** Longest duration we store for one attempt (a tab left open overnight is not practice time). */
export const MAX_ATTEMPT_DURATION_MS = 6 * 60 * 60 * 1000;

/** A submission to grade and store. */
export type TSubmission = {
  userId: string;
  slug: string;
  yaml: string;
  startedAt?: Date;
  idempotencyKey?: string | null;
  now?: Date;
  /** Rate-limit hits counted in the same round trip as the submission's first read; enforced before grading. */
  rateLimit?: TRateLimitCheck;
};

/**
 * Checks that the user still exists and counts `rateLimit` (401 / 429 before any grading), then grades `yaml`
 * against the newest published version of the scenario, stores the attempt (pinned to that
 * version, with hints used and whether the solution was seen) and answers under the reveal rules.
 * A repeated Idempotency-Key returns the first attempt as it was graded then.
 */
export async function submitAttempt(s: TSubmission): Promise<TAttemptResponse & { created: boolean }> {
  // Scenario, progress and "passed before" in one round trip: this attempt cannot change "passed before"
  // unless it passes itself (then it reveals anyway), and a replayed attempt is already in the table.
  const ctx = await loadSubmitContext(s.userId, s.slug, { rateLimit: s.rateLimit, now: s.now });
  if (!ctx) throw new AppError('NOT_FOUND', `no published scenario \`${s.slug}\``);
  const { scenario, progress } = ctx;
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
  const revealed = attempt.passed || progress.gaveUp || ctx.hadPassed;
  return { ...toAttemptResponse(attempt, { revealed }), created };
}
