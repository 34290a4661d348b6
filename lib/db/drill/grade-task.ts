import type { db } from '@/lib/db/client';
import { gradeSubmission } from '@/lib/scenarios/grade';
import type { TScenario } from '@/lib/scenarios/schema';
import type { TFrozenTask } from '@/lib/drills/schema';
import { ATTEMPT_SELECT, type TAttempt } from '@/lib/db/attempt/types';
import { MAX_ATTEMPT_DURATION_MS } from '@/lib/db/attempt/submit-attempt';

/** The client surface used to store attempts (the app client or a transaction). */
export type TAttemptWriter = Pick<typeof db, 'attempt'>;

/**
 * Grades `yaml` against the task's pinned scenario version and stores the attempt, tied to the drill session so
 * it counts for topic mastery and shows in the attempt list. Drill tasks have no hints or solution.
 */
export async function gradeAndStoreTask(
  client: TAttemptWriter,
  input: { userId: string; sessionId: string; task: TFrozenTask; scenario: TScenario; yaml: string; timeSpentMs: number },
): Promise<TAttempt> {
  const report = gradeSubmission(input.scenario, input.yaml);
  return client.attempt.create({
    data: {
      userId: input.userId,
      scenarioId: input.task.scenarioId,
      scenarioSlug: input.task.slug,
      scenarioVersion: input.task.version,
      yaml: input.yaml,
      score: report.score,
      passedCount: report.passed,
      total: report.total,
      passed: report.pass,
      results: report as unknown as object,
      durationMs: Math.min(Math.max(0, Math.round(input.timeSpentMs)), MAX_ATTEMPT_DURATION_MS),
      hintsUsed: 0,
      solutionViewed: false,
      drillSessionId: input.sessionId,
    },
    select: ATTEMPT_SELECT,
  });
}
