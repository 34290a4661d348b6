import { parsePredictAnswers } from '@/lib/scenarios/grade';

/** Why a write to a session is refused (each becomes a 409 with a clear message), or null when it may proceed. */
export type TClosedReason = 'finished' | 'deadline' | null;

/** Whether a session still takes saves and submits at `now` (server time; the deadline is exclusive). */
export function closedReason(session: { deadline: Date; finishedAt: Date | null }, now: Date): TClosedReason {
  if (session.finishedAt) return 'finished';
  if (now.getTime() >= session.deadline.getTime()) return 'deadline';
  return null;
}

/** The 409 message for a refused write. */
export function closedMessage(reason: Exclude<TClosedReason, null>, deadline: Date): string {
  return reason === 'finished'
    ? 'this drill is finished: answers can no longer be saved or submitted'
    : `time is up: the drill ended at ${deadline.toISOString()} and answers can no longer be saved or submitted`;
}

/**
 * The time a save counts as made, for "newest save wins" between tabs: the page's `savedAt` (its estimate of
 * server time when the text was typed, so a request delayed in the network does not overwrite a later edit),
 * clamped to [startedAt, now] so no tab can claim the future; without it, the server's receive time.
 */
export function effectiveSavedAt(clientSavedAt: Date | null | undefined, now: Date, startedAt: Date): Date {
  if (!clientSavedAt || Number.isNaN(clientSavedAt.getTime())) return now;
  const t = Math.min(Math.max(clientSavedAt.getTime(), startedAt.getTime()), now.getTime());
  return new Date(t);
}

/** True when a save made at `incoming` replaces the stored one made at `stored` (ties: the later arrival wins). */
export function isNewerSave(incoming: Date, stored: Date | null): boolean {
  return stored === null || incoming.getTime() >= stored.getTime();
}

/**
 * Whether a task has an answer worth grading: write tasks need text that differs from the starter (an untouched
 * fix-it starter is not an answer), predict tasks at least one answered cell.
 */
export function isAnswered(kind: 'write' | 'predict', yaml: string | null | undefined, starter: string | null | undefined): boolean {
  if (!yaml || yaml.trim() === '') return false;
  if (kind === 'predict') return parsePredictAnswers(yaml).answers.length > 0;
  return yaml.trim() !== (starter ?? '').trim();
}

/** Seconds left until the deadline at `now`, never negative (whole seconds rounded up, so 0 means over). */
export function remainingSeconds(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}
