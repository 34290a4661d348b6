import { computeProgress } from './compute-progress';
import { listAttemptSummaries } from './list-attempt-summaries';
import { listPublishedScenarios } from './list-published-scenarios';
import type { TProgress } from './types';

/** A user's progress over the published scenarios (see computeProgress for the rules). */
export async function getProgress(userId: string, now: Date = new Date()): Promise<TProgress> {
  const [scenarios, attempts] = await Promise.all([listPublishedScenarios(), listAttemptSummaries(userId)]);
  return computeProgress(scenarios, attempts, now);
}
