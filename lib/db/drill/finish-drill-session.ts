import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { scoreDrill } from '@/lib/drills/score';
import { isAnswered } from '@/lib/drills/save-rules';
import type { TSessionResults, TTaskResult } from '@/lib/drills/schema';
import { loadPinnedScenarios } from './load-pinned-scenarios';
import { gradeAndStoreTask } from './grade-task';
import { SESSION_SELECT, DRAFT_SELECT, type TDrillSession } from './types';
import { toSession } from './to-session';

/** How long grading a whole session may hold its transaction (50 tasks grade in well under a second each). */
const FINISH_TIMEOUT_MS = 60_000;

/**
 * Finishes a session and grades the last saved draft of every task; idempotent (a second call, also a concurrent
 * one, returns the stored results). Finishing at or after the deadline records the deadline as the end.
 *
 * Concurrency: the first statement that changes the session row (`finishedAt`) locks it until commit; saves lock
 * the same row, so a save either commits before grading reads the drafts or waits and then sees the session
 * finished (409). Grading and storing happen in the same transaction: a crash leaves the session unfinished and
 * the next read finishes it again. No timer is involved, so any number of app replicas can serve a session.
 */
export async function finishDrillSession(userId: string, id: string, opts: { now?: Date } = {}): Promise<TDrillSession> {
  const now = opts.now ?? new Date();
  await db.$transaction(
    async (tx) => {
      const row = await tx.drillSession.findFirst({ where: { id, userId }, select: SESSION_SELECT });
      if (!row) throw new AppError('NOT_FOUND', 'no such drill session');
      if (row.finishedAt) return;
      const session = toSession(row);
      const byDeadline = now.getTime() >= session.deadline.getTime();
      const finishedAt = byDeadline ? session.deadline : now;
      const claimed = await tx.drillSession.updateMany({ where: { id, finishedAt: null }, data: { finishedAt } });
      if (claimed.count === 0) return; // another request finished it while we waited for the lock

      const [drafts, scenarios, earlier] = await Promise.all([
        tx.drillTaskDraft.findMany({ where: { sessionId: id }, select: DRAFT_SELECT }),
        loadPinnedScenarios(session.tasks, tx),
        // Immediate-mode submits already stored attempts; reuse one whose text is the final draft.
        tx.attempt.findMany({ where: { drillSessionId: id }, orderBy: { createdAt: 'desc' }, select: { id: true, scenarioSlug: true, yaml: true, score: true, passed: true } }),
      ]);
      const draftOf = new Map(drafts.map((d) => [d.index, d]));
      const results: TTaskResult[] = [];
      for (const task of session.tasks) {
        const draft = draftOf.get(task.index);
        const scenario = scenarios.get(task.index)!;
        // Belt and braces: saves are refused after the deadline, so every stored draft is on time.
        const onTime = draft && draft.savedAt.getTime() <= session.deadline.getTime();
        const timeSpentMs = draft?.timeSpentMs ?? 0;
        const base = { index: task.index, slug: task.slug, title: task.title, difficulty: task.difficulty, timeSpentMs };
        if (!draft || !onTime || !isAnswered(task.kind, draft.yaml, scenario.starter)) {
          results.push({ ...base, answered: false, score: 0, passed: false, attemptId: null });
          continue;
        }
        const reuse = earlier.find((a) => a.scenarioSlug === task.slug && a.yaml === draft.yaml);
        const attempt = reuse ?? (await gradeAndStoreTask(tx, { userId, sessionId: id, task, scenario, yaml: draft.yaml, timeSpentMs }));
        results.push({ ...base, answered: true, score: attempt.score, passed: attempt.passed, attemptId: attempt.id });
      }
      const total = scoreDrill(results.map((r) => ({ difficulty: r.difficulty, score: r.answered ? r.score : null })));
      const stored: TSessionResults = { ...total, finishedBy: byDeadline ? 'deadline' : 'learner', tasks: results };
      await tx.drillSession.update({ where: { id }, data: { score: total.score, passed: total.passed, results: stored as unknown as object } });
    },
    { timeout: FINISH_TIMEOUT_MS, maxWait: 15_000 },
  );
  const after = await db.drillSession.findFirst({ where: { id, userId }, select: SESSION_SELECT });
  if (!after) throw new AppError('NOT_FOUND', 'no such drill session');
  return toSession(after);
}

/** Finishes the session if its deadline has passed (the lazy end that replaces any server-side timer). */
export async function finishIfExpired(session: TDrillSession, now: Date = new Date()): Promise<TDrillSession> {
  if (session.finishedAt || now.getTime() < session.deadline.getTime()) return session;
  return finishDrillSession(session.userId, session.id, { now });
}
