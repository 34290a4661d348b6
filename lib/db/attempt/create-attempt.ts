import { randomBytes } from 'node:crypto';
import { db, Prisma } from '@/lib/db/client';
import { queryOnPool } from '@/lib/db/sql';
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

// The pool reports a unique violation with SQLSTATE 23505; Prisma's raw queries as P2010 with the driver's
// kind/SQLSTATE in meta, typed ones as P2002.
function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (e.code === 'P2002' || e.code === '23505') return true;
  const cause = e.meta?.driverAdapterError?.cause;
  return e.code === 'P2010' && (e.meta?.code === '23505' || cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505');
}

let idCounter = 0;
const ID_HOST = randomBytes(2).toString('hex').padStart(4, '0');

/** A new row id shaped like Prisma's `cuid()` default ('c' + 24 lowercase base-36 characters), as the raw insert must supply it. */
export function newCuidLikeId(now = Date.now()): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const time = now.toString(36).padStart(8, '0').slice(-8);
  const count = idCounter.toString(36).padStart(4, '0');
  const rand = BigInt(`0x${randomBytes(6).toString('hex')}`).toString(36).padStart(8, '0').slice(-8);
  return `c${time}${count}${ID_HOST}${rand}`;
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
    // request, so no read-then-write transaction (four round trips) is needed on the hot path. Raw SQL: the
    // typed create cost ~1 ms more app CPU per submission (query planning plus the 10-25 KB report as JSON).
    // The id (Prisma's cuid default is client-side) and createdAt are set here, so nothing is read back.
    const createdAt = new Date();
    const id = newCuidLikeId(createdAt.getTime());
    // timestamp(3) holds UTC without a zone: send the UTC wall-clock text, not a Date (the session zone would shift it).
    const createdAtUtc = createdAt.toISOString().slice(0, -1);
    // Straight on the pool (lib/db/sql.ts): one of the submit hot path's two statements.
    await queryOnPool(Prisma.sql`
      INSERT INTO "Attempt" ("id", "userId", "scenarioId", "scenarioSlug", "scenarioVersion", "yaml", "score", "passedCount",
        "total", "passed", "results", "durationMs", "hintsUsed", "solutionViewed", "idempotencyKey", "createdAt")
      VALUES (${id}, ${fields.userId}, ${fields.scenarioId}, ${fields.scenarioSlug}, ${fields.scenarioVersion}::int4, ${fields.yaml},
        ${fields.score}::float8, ${fields.passedCount}::int4, ${fields.total}::int4, ${fields.passed}::boolean,
        ${JSON.stringify(results ?? null)}::jsonb, ${fields.durationMs}::int4, ${fields.hintsUsed}::int4,
        ${fields.solutionViewed}::boolean, ${key}, ${createdAtUtc}::timestamp(3))`);
    return { attempt: { ...fields, results, id, createdAt }, created: true };
  } catch (err) {
    if (key && isUniqueViolation(err)) {
      const existing = await db.attempt.findUnique({ where: { idempotencyKey: key }, select: ATTEMPT_SELECT });
      if (existing) return { attempt: existing, created: false };
    }
    throw err;
  }
}
