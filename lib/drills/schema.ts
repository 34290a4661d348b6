import { z } from 'zod';
import { SLUG_PATTERN, ZTopic } from '@/lib/scenarios/schema';

const ZSlug = z.string().max(100).regex(SLUG_PATTERN, { error: 'must be a scenario slug (lowercase kebab-case)' });

/** Largest YAML a drill task accepts (same cap as the exercise APIs and the engine). */
export const MAX_TASK_YAML_BYTES = 256 * 1024;

/** Most tasks one drill session may hold. */
export const MAX_TASKS = 50;

/** Drill length bounds in minutes; fractions are allowed so short practice rounds (30 s) are possible. */
export const MIN_MINUTES = 0.5;
/** Longest drill, in minutes. */
export const MAX_MINUTES = 240;

/** Feedback mode: `end` shows nothing until finish (exam-like); `immediate` grades a task on request. */
export const ZFeedback = z.enum(['end', 'immediate']);
/** Feedback mode. */
export type TFeedback = z.infer<typeof ZFeedback>;

const ZMinutes = z.number().min(MIN_MINUTES).max(MAX_MINUTES);

/** A selection rule sent by "build your own" (same shape as a drill file's `rule`). */
export const ZRuleInput = z.strictObject({
  count: z.number().int().min(1).max(MAX_TASKS),
  topics: z.array(ZTopic).min(1).optional(),
  kinds: z.array(z.enum(['write', 'predict'])).min(1).optional(),
  maxDifficulty: z.number().int().min(1).max(3).optional(),
  minDifficulty: z.number().int().min(1).max(3).optional(),
});

/**
 * Body of `POST /api/drills/sessions`: a drill from the catalog, an explicit scenario list, or (build your own)
 * a rule the server draws scenarios from.
 */
export const ZCreateSessionBody = z.union([
  z.strictObject({ drill: ZSlug }),
  z.strictObject({
    scenarios: z.array(ZSlug).min(1).max(MAX_TASKS),
    minutes: ZMinutes,
    feedback: ZFeedback.default('end'),
    title: z.string().trim().min(1).max(120).optional(),
  }),
  z.strictObject({
    rule: ZRuleInput,
    minutes: ZMinutes,
    feedback: ZFeedback.default('end'),
    title: z.string().trim().min(1).max(120).optional(),
  }),
]);
/** A parsed create-session body. */
export type TCreateSessionBody = z.infer<typeof ZCreateSessionBody>;

/**
 * Body of `PUT /api/drills/sessions/{id}/tasks/{index}`. `savedAt` is when the text was typed, on the server's
 * clock as the page estimates it (newest save wins between tabs); `elapsedMs` is the time the task was open
 * in this tab since its last save (time spent per task).
 */
export const ZSaveTaskBody = z.strictObject({
  yaml: z.string().max(MAX_TASK_YAML_BYTES),
  flagged: z.boolean().optional(),
  savedAt: z.iso.datetime({ offset: true }).optional(),
  elapsedMs: z.number().int().min(0).max(MAX_MINUTES * 60_000).optional(),
});
/** A parsed save body. */
export type TSaveTaskBody = z.infer<typeof ZSaveTaskBody>;

/** Body of the immediate-mode task submit: the text to grade (also saved as the task's draft). */
export const ZSubmitTaskBody = z.strictObject({
  yaml: z.string().max(MAX_TASK_YAML_BYTES),
  savedAt: z.iso.datetime({ offset: true }).optional(),
  elapsedMs: z.number().int().min(0).max(MAX_MINUTES * 60_000).optional(),
});
/** A parsed submit body. */
export type TSubmitTaskBody = z.infer<typeof ZSubmitTaskBody>;

/** A task frozen into a session at start: the exact scenario row (version) it will be graded against. */
export const ZFrozenTask = z.strictObject({
  index: z.number().int().min(0),
  scenarioId: z.string().min(1),
  slug: z.string().min(1),
  version: z.number().int().min(1),
  title: z.string(),
  kind: z.enum(['write', 'predict']),
  difficulty: z.number().int().min(1).max(3),
});
/** One frozen task. */
export type TFrozenTask = z.infer<typeof ZFrozenTask>;

/** The frozen task list stored in `DrillSession.tasks`. */
export const ZFrozenTasks = z.array(ZFrozenTask);

/** One task's line in the stored results. */
export const ZTaskResult = z.strictObject({
  index: z.number().int(),
  slug: z.string(),
  title: z.string(),
  difficulty: z.number().int(),
  answered: z.boolean(),
  score: z.number(),
  passed: z.boolean(),
  timeSpentMs: z.number().int(),
  attemptId: z.string().nullable(),
});
/** One task's result. */
export type TTaskResult = z.infer<typeof ZTaskResult>;

/** What `DrillSession.results` holds once the session is finished. */
export const ZSessionResults = z.strictObject({
  score: z.number(),
  passed: z.boolean(),
  earned: z.number(),
  possible: z.number(),
  finishedBy: z.enum(['learner', 'deadline']),
  tasks: z.array(ZTaskResult),
});
/** Stored results. */
export type TSessionResults = z.infer<typeof ZSessionResults>;
