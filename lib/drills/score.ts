/** Share of the weighted points needed to pass, like the CKA's 66%. */
export const PASS_THRESHOLD = 0.66;

/** One task as scoring sees it: its difficulty (the weight) and its score in [0, 1] (null = unanswered = 0). */
export type TTaskScoreInput = { difficulty: number; score: number | null };

/** A drill's total: weighted score in [0, 1], pass flag, and the points behind it. */
export type TDrillScore = { score: number; passed: boolean; earned: number; possible: number };

/**
 * Weighted score: each task weighs its difficulty (1..3), so a hard task counts three times an easy one; a
 * task's own score is its share of passed checks. Passing needs at least PASS_THRESHOLD of the points.
 */
export function scoreDrill(tasks: readonly TTaskScoreInput[]): TDrillScore {
  let earned = 0;
  let possible = 0;
  for (const t of tasks) {
    const weight = Math.max(1, Math.round(t.difficulty));
    const s = t.score === null || !Number.isFinite(t.score) ? 0 : Math.min(1, Math.max(0, t.score));
    earned += weight * s;
    possible += weight;
  }
  const score = possible === 0 ? 0 : earned / possible;
  // Rounding guards against 0.66 landing just below the threshold in floating point.
  return { score, passed: Math.round(score * 1e9) / 1e9 >= PASS_THRESHOLD, earned, possible };
}
