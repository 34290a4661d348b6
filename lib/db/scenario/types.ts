/** A user's standing on one scenario's help: hints unlocked, gave up, solution viewed, when the page was first opened. */
export type TScenarioProgress = { hintsUnlocked: number; gaveUp: boolean; solutionViewed: boolean; openedAt: Date };

/** Prisma `select` for TScenarioProgress. */
export const PROGRESS_SELECT = { hintsUnlocked: true, gaveUp: true, solutionViewed: true, openedAt: true } as const;

/** The state of a user who never opened the scenario. */
export const NO_PROGRESS: Omit<TScenarioProgress, 'openedAt'> = { hintsUnlocked: 0, gaveUp: false, solutionViewed: false };
