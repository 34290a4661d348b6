/** A published scenario as the catalog and progress pages see it (learner-visible fields only). */
export type TCatalogScenario = {
  id: string;
  slug: string;
  version: number;
  title: string;
  kind: 'write' | 'predict';
  difficulty: number;
  timeMinutes: number;
  topics: string[];
  /** The task's Markdown, used for text search (learner-visible before any attempt). */
  task: string;
};

/** The few attempt fields progress needs (attempts made in drills included). */
export type TAttemptSummary = {
  id: string;
  scenarioSlug: string;
  score: number;
  passed: boolean;
  durationMs: number;
  createdAt: Date;
};

/** A learner's status on one scenario. */
export type TScenarioStatus = 'new' | 'attempted' | 'solved';

/** Status and best score of one scenario for one user. */
export type TScenarioStanding = { status: TScenarioStatus; bestScore: number | null; attempts: number; lastAttemptAt: Date | null };

/** Mastery of one topic. */
export type TTopicMastery = {
  topic: string;
  total: number;
  solved: number;
  /** 0..1: share of the topic's scenarios solved, each solved one discounted by its recent failures. */
  mastery: number;
};

/** One point of the score history chart. */
export type THistoryPoint = { attemptId: string; at: string; scenarioSlug: string; score: number; passed: boolean };

/** Practice-day streaks (UTC days). */
export type TStreak = { current: number; longest: number; activeDays: number; lastActiveDay: string | null };

/** The suggested next scenario. */
export type TPractiseNext = { slug: string; title: string; topic: string; difficulty: number; reason: string };

/** Everything /progress and GET /api/progress show. */
export type TProgress = {
  solved: number;
  total: number;
  attempted: number;
  attemptCount: number;
  topics: TTopicMastery[];
  history: THistoryPoint[];
  streak: TStreak;
  /** Sum of attempt durations, each capped at ATTEMPT_TIME_CAP_MS (a tab left open is not practice). */
  timeSpentMs: number;
  practiseNext: TPractiseNext | null;
};
