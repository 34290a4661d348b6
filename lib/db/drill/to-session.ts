import { AppError } from '@/lib/errors';
import { ZFeedback, ZFrozenTasks, ZSessionResults } from '@/lib/drills/schema';
import type { TDrillSession } from './types';

/** The stored row shape (JSON columns still unknown). */
export type TSessionRow = Omit<TDrillSession, 'tasks' | 'results' | 'feedback'> & { tasks: unknown; results: unknown; feedback: string };

/** Parses a session row's JSON columns; a malformed row is a bug (500), not a user error. */
export function toSession(row: TSessionRow): TDrillSession {
  const tasks = ZFrozenTasks.safeParse(row.tasks);
  const feedback = ZFeedback.safeParse(row.feedback);
  const results = row.results === null || row.results === undefined ? null : ZSessionResults.safeParse(row.results);
  if (!tasks.success || !feedback.success || (results && !results.success)) {
    throw new AppError('INTERNAL', `drill session \`${row.id}\` is stored in an invalid shape`);
  }
  return { ...row, feedback: feedback.data, tasks: tasks.data, results: results && results.success ? results.data : null };
}
