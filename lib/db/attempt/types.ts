/** A stored submission. `results` is the full (unredacted) grade report: apply the reveal rules before showing it. */
export type TAttempt = {
  id: string;
  userId: string;
  scenarioId: string;
  scenarioSlug: string;
  scenarioVersion: number;
  yaml: string;
  score: number;
  passedCount: number;
  total: number;
  passed: boolean;
  results: unknown;
  durationMs: number;
  hintsUsed: number;
  solutionViewed: boolean;
  createdAt: Date;
};

/** Prisma `select` for TAttempt (the idempotency key stays internal). */
export const ATTEMPT_SELECT = {
  id: true,
  userId: true,
  scenarioId: true,
  scenarioSlug: true,
  scenarioVersion: true,
  yaml: true,
  score: true,
  passedCount: true,
  total: true,
  passed: true,
  results: true,
  durationMs: true,
  hintsUsed: true,
  solutionViewed: true,
  createdAt: true,
} as const;
