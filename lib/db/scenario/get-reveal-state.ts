import { hasPassedScenario } from '@/lib/db/attempt/has-passed-scenario';
import { getScenarioProgress } from './get-scenario-progress';
import { NO_PROGRESS } from './types';

/** What the reveal rules depend on for one user and scenario. */
export type TRevealState = { passed: boolean; gaveUp: boolean; solutionViewed: boolean; hintsUnlocked: number; revealed: boolean };

/** The reveal state: the solution and every expectation are revealed after a pass or an explicit give-up. */
export async function getRevealState(userId: string, slug: string): Promise<TRevealState> {
  const [progress, passed] = await Promise.all([getScenarioProgress(userId, slug), hasPassedScenario(userId, slug)]);
  const p = progress ?? NO_PROGRESS;
  return { passed, gaveUp: p.gaveUp, solutionViewed: p.solutionViewed, hintsUnlocked: p.hintsUnlocked, revealed: passed || p.gaveUp };
}
