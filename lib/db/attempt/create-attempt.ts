import { db } from '@/lib/db/client';
import { ATTEMPT_SELECT, type TAttempt } from './types';

/** What a new attempt stores. */
export type TNewAttempt = Omit<TAttempt, 'id' | 'createdAt'> & {
  /** The client's Idempotency-Key header, if any; scoped to the user before storing. */
  idempotencyKey?: string | null;
};

// Keys are unique across the table; prefixing the user id keeps one user's key from ever matching another's.
function scopedKey(userId: string, key: string): string {
  return `${userId}:${key}`;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

/**
 * Stores an attempt. With an idempotency key already used by this user, returns that first attempt instead
 * (`created: false`); a concurrent duplicate that loses the insert race also gets the first attempt.
 */
export async function createAttempt(input: TNewAttempt): Promise<{ attempt: TAttempt; created: boolean }> {
  const { idempotencyKey, results, ...fields } = input;
  const key = idempotencyKey ? scopedKey(input.userId, idempotencyKey) : null;
  try {
    // One INSERT (atomic on its own): the unique index on the key decides between a first and a retried
    // request, so no read-then-write transaction (four round trips) is needed on the hot path.
    // The stored text and report are what we just sent: read back only the columns the database fills in.
    const row = await db.attempt.create({
      data: { ...fields, results: results as object, idempotencyKey: key },
      select: { id: true, createdAt: true },
    });
    return { attempt: { ...fields, results, id: row.id, createdAt: row.createdAt }, created: true };
  } catch (err) {
    if (key && isUniqueViolation(err)) {
      const existing = await db.attempt.findUnique({ where: { idempotencyKey: key }, select: ATTEMPT_SELECT });
      if (existing) return { attempt: existing, created: false };
    }
    throw err;
  }
}
