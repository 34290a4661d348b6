import { AppError } from '@/lib/errors';
import { findPublishedScenario } from './find-published-scenario';
import { getRevealState } from './get-reveal-state';
import { recordSolutionViewed } from './record-solution-viewed';

/** The revealed answer: reference solution (write), explanation, and every expectation with its why. */
export type TSolution = {
  slug: string;
  kind: 'write' | 'predict';
  solution: string | null;
  explanation: string;
  expectations: { from: string; to: string; port: number | string; protocol: string; allowed: boolean; why: string }[];
  gaveUp: boolean;
};

/**
 * Reveals the solution and records it. `giveUp: true` is the learner's explicit give-up (always allowed and
 * recorded as such unless they already passed); `giveUp: false` only works after a pass or an earlier give-up.
 */
export async function revealSolution(userId: string, slug: string, opts: { giveUp: boolean }): Promise<TSolution> {
  const scenario = await findPublishedScenario(slug);
  if (!scenario) throw new AppError('NOT_FOUND', `no published scenario \`${slug}\``);
  const state = await getRevealState(userId, slug);
  if (!opts.giveUp && !state.revealed) {
    throw new AppError('FORBIDDEN', 'the solution is shown after you pass this scenario or give up on it');
  }
  // Giving up after a pass is just viewing the solution: it must not count as a give-up.
  const progress = await recordSolutionViewed(userId, slug, { gaveUp: opts.giveUp && !state.passed });
  const c = scenario.content;
  return {
    slug,
    kind: c.kind,
    solution: c.solution ?? null,
    explanation: c.explanation,
    expectations: c.expectations.map((e) => ({ from: e.from, to: e.to, port: e.port, protocol: e.protocol, allowed: e.allowed, why: e.why })),
    gaveUp: progress.gaveUp,
  };
}
