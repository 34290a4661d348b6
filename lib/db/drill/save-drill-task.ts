import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { closedMessage, closedReason, effectiveSavedAt, isNewerSave } from '@/lib/drills/save-rules';
import { DRAFT_SELECT, SESSION_SELECT, type TDrillSession, type TTaskDraft } from './types';
import { toSession } from './to-session';

// A save may wait for a finish that holds the session row while it grades every task; then it answers 409.
const SAVE_TIMEOUT_MS = 70_000;

/** A draft save: the text, optionally the flag, when it was typed (page's server-clock estimate) and time spent. */
export type TTaskSave = { yaml: string; flagged?: boolean; savedAt?: Date | null; elapsedMs?: number };

/** The outcome: `applied: false` when a newer save (another tab) already holds the task; `draft` is what is stored. */
export type TTaskSaveResult = { applied: boolean; draft: TTaskDraft; session: TDrillSession };

/** Refuses a missing/foreign session or task (404) and a closed one (409 with the reason). */
export async function requireOpenTask(userId: string, id: string, index: number, now: Date): Promise<TDrillSession> {
  const row = await db.drillSession.findFirst({ where: { id, userId }, select: SESSION_SELECT });
  if (!row) throw new AppError('NOT_FOUND', 'no such drill session');
  const session = toSession(row);
  if (!session.tasks.some((t) => t.index === index)) throw new AppError('NOT_FOUND', `this drill has no task ${index}`);
  const closed = closedReason(session, now);
  if (closed) throw new AppError('CONFLICT', closedMessage(closed, session.deadline), { details: { reason: closed, deadline: session.deadline.toISOString() } });
  return session;
}

/**
 * Saves a task's draft unless the session is closed (409). Newest save wins: a save whose `savedAt` is older than
 * the stored one keeps the stored text (its flag change and time spent still count). The session row is locked for the whole
 * save, so saves and finish on one session are serialized across requests and app replicas.
 */
export async function saveDrillTask(userId: string, id: string, index: number, save: TTaskSave, opts: { now?: Date } = {}): Promise<TTaskSaveResult> {
  const now = opts.now ?? new Date();
  const session = await requireOpenTask(userId, id, index, now);
  const at = effectiveSavedAt(save.savedAt, now, session.startedAt);
  // A tab cannot book more time on a task than the drill has lasted.
  const elapsed = Math.min(save.elapsedMs ?? 0, Math.max(0, now.getTime() - session.startedAt.getTime()));
  const out = await db.$transaction(async (tx) => {
    const lock = await tx.drillSession.updateMany({ where: { id, userId, finishedAt: null, deadline: { gt: now } }, data: { finishedAt: null } });
    if (lock.count === 0) {
      // Finished (or expired) between the check above and the lock: report it the same way.
      const fresh = await tx.drillSession.findFirst({ where: { id, userId }, select: { deadline: true, finishedAt: true } });
      const reason = fresh ? (closedReason(fresh, now) ?? 'finished') : 'finished';
      throw new AppError('CONFLICT', closedMessage(reason, session.deadline), { details: { reason, deadline: session.deadline.toISOString() } });
    }
    const existing = await tx.drillTaskDraft.findUnique({ where: { sessionId_index: { sessionId: id, index } }, select: DRAFT_SELECT });
    if (existing && !isNewerSave(at, existing.savedAt)) {
      // The text stays; a flag change is a separate, explicit action and the time spent still counts.
      const flagChange = save.flagged !== undefined && save.flagged !== existing.flagged;
      const draft = elapsed > 0 || flagChange
        ? await tx.drillTaskDraft.update({
            where: { sessionId_index: { sessionId: id, index } },
            data: { timeSpentMs: { increment: Math.round(elapsed) }, savedAt: existing.savedAt, ...(flagChange ? { flagged: save.flagged } : {}) },
            select: DRAFT_SELECT,
          })
        : existing;
      return { applied: false, draft };
    }
    // savedAt is @updatedAt in the schema: it is always written explicitly so it keeps the save's own time.
    const draft = await tx.drillTaskDraft.upsert({
      where: { sessionId_index: { sessionId: id, index } },
      create: { sessionId: id, index, yaml: save.yaml, flagged: save.flagged ?? false, savedAt: at, timeSpentMs: Math.round(elapsed) },
      update: { yaml: save.yaml, savedAt: at, ...(save.flagged === undefined ? {} : { flagged: save.flagged }), timeSpentMs: { increment: Math.round(elapsed) } },
      select: DRAFT_SELECT,
    });
    return { applied: true, draft };
  }, { timeout: SAVE_TIMEOUT_MS, maxWait: 10_000 });
  return { ...out, session };
}
