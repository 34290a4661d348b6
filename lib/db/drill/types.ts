import type { TFeedback, TFrozenTask, TSessionResults } from '@/lib/drills/schema';

/** A drill session row as the data layer hands it out (tasks and results parsed). */
export type TDrillSession = {
  id: string;
  userId: string;
  drillSlug: string | null;
  title: string;
  feedback: TFeedback;
  tasks: TFrozenTask[];
  startedAt: Date;
  deadline: Date;
  finishedAt: Date | null;
  score: number | null;
  passed: boolean | null;
  results: TSessionResults | null;
};

/** A task's saved state: the last confirmed draft, its flag and the time spent on it. */
export type TTaskDraft = { index: number; yaml: string; flagged: boolean; savedAt: Date; timeSpentMs: number };

/** Prisma `select` for a session row. */
export const SESSION_SELECT = {
  id: true,
  userId: true,
  drillSlug: true,
  title: true,
  feedback: true,
  tasks: true,
  startedAt: true,
  deadline: true,
  finishedAt: true,
  score: true,
  passed: true,
  results: true,
} as const;

/** Prisma `select` for a task draft row. */
export const DRAFT_SELECT = { index: true, yaml: true, flagged: true, savedAt: true, timeSpentMs: true } as const;

/** The answer of `POST /api/drills/sessions`. */
export type TCreatedSession = { id: string; deadline: string; tasks: { index: number; scenario: string; title: string }[] };
