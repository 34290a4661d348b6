import { db } from '@/lib/db/client';
import { finishDrillSession } from './finish-drill-session';

/** One line of the drill history. */
export type TDrillHistoryItem = {
  id: string;
  drillSlug: string | null;
  title: string;
  feedback: string;
  startedAt: Date;
  deadline: Date;
  finishedAt: Date | null;
  score: number | null;
  passed: boolean | null;
  taskCount: number;
  /** finishedAt − startedAt (null while running). */
  durationMs: number | null;
};

/**
 * The user's drill sessions, newest first. Sessions whose deadline passed unfinished are finished first (the lazy
 * end: no server timer), so the history never shows a dead session as running.
 */
export async function listOwnDrillSessions(userId: string, opts: { limit?: number; now?: Date } = {}): Promise<TDrillHistoryItem[]> {
  const now = opts.now ?? new Date();
  const expired = await db.drillSession.findMany({ where: { userId, finishedAt: null, deadline: { lte: now } }, select: { id: true } });
  for (const s of expired) await finishDrillSession(userId, s.id, { now });
  const rows = await db.drillSession.findMany({
    where: { userId },
    orderBy: { startedAt: 'desc' },
    take: opts.limit ?? 100,
    select: { id: true, drillSlug: true, title: true, feedback: true, startedAt: true, deadline: true, finishedAt: true, score: true, passed: true, tasks: true },
  });
  return rows.map(({ tasks, ...r }) => ({
    ...r,
    taskCount: Array.isArray(tasks) ? tasks.length : 0,
    durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  }));
}

/** Best finished score per catalog drill slug (for the catalog's "your best" column). */
export function bestByDrill(history: readonly TDrillHistoryItem[]): Map<string, { score: number; passed: boolean }> {
  const best = new Map<string, { score: number; passed: boolean }>();
  for (const h of history) {
    if (!h.drillSlug || h.score === null || !h.finishedAt) continue;
    const cur = best.get(h.drillSlug);
    if (!cur || h.score > cur.score) best.set(h.drillSlug, { score: h.score, passed: h.passed ?? false });
  }
  return best;
}
