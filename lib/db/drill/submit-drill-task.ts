import { AppError } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { toAttemptResponse, type TAttemptResponse } from '@/lib/db/attempt/attempt-response';
import { loadPinnedScenarios } from './load-pinned-scenarios';
import { gradeAndStoreTask } from './grade-task';
import { requireOpenTask, saveDrillTask, type TTaskSave } from './save-drill-task';

/**
 * Immediate-feedback drills only: saves the text as the task's draft, grades it against the pinned version and
 * stores the attempt (tied to the session). Refused with 409 after the deadline or finish, and in `end` mode
 * (exam-like drills show nothing before finish). Failed flows come with their reasons; the rest stays hidden
 * unless the task passed, as on the exercise page.
 */
export async function submitDrillTask(userId: string, id: string, index: number, save: TTaskSave, opts: { now?: Date } = {}): Promise<TAttemptResponse & { draftApplied: boolean }> {
  const now = opts.now ?? new Date();
  const session = await requireOpenTask(userId, id, index, now);
  if (session.feedback !== 'immediate') {
    throw new AppError('CONFLICT', 'this drill gives feedback at the end: finish it to see your results', { details: { reason: 'feedback-at-end' } });
  }
  const { draft, applied } = await saveDrillTask(userId, id, index, save, { now });
  const task = session.tasks.find((t) => t.index === index)!;
  const scenario = (await loadPinnedScenarios([task])).get(index)!;
  // Grade what the learner sent, even if another tab's newer draft is what stays saved.
  const attempt = await gradeAndStoreTask(db, { userId, sessionId: id, task, scenario, yaml: save.yaml, timeSpentMs: draft.timeSpentMs });
  return { ...toAttemptResponse(attempt, { revealed: attempt.passed }), draftApplied: applied };
}
