import { db, Prisma } from '@/lib/db/client';
import { withDatabase } from '@/lib/db/errors';

/** One counter to bump: a key (e.g. `submit:account:<id>`) with its fixed window and the hits it allows. */
export type TRateLimitHit = { key: string; limit: number; windowMs: number };

/** Result of counting one hit against one fixed-window counter. */
export type TRateLimitResult = { key: string; allowed: boolean; count: number; limit: number; retryAfterMs: number };

/**
 * Hits to count inside another statement, and what to do with their results. A hot path (submitting an answer)
 * counts its hits in the same round trip as its own read (see loadSubmitContext) and calls `enforce`, which
 * throws when a limit is exceeded, before doing the work the limit protects.
 */
export type TRateLimitCheck = { hits: TRateLimitHit[]; enforce: (results: TRateLimitResult[]) => void };

// Windows this old are swept when some counter starts a new window (the longest window we use is an hour).
const SWEEP_AFTER_MS = 24 * 60 * 60 * 1000;

/** The rows a counting statement returns. */
export type TRateLimitRow = { key: string; count: number | bigint | string };

/**
 * The statement that counts one hit on every counter in `hits` (INSERT … ON CONFLICT DO UPDATE … RETURNING "key",
 * "count"): exact across app instances, because the rows live in the RateLimit table (key, windowStart), never in
 * process memory. Runs alone (hitRateLimits) or as a data-modifying CTE of a bigger read; no hits, no rows.
 */
export function rateLimitCountSql(hits: TRateLimitHit[], now: Date): Prisma.Sql {
  // One row may be touched once per statement: duplicate keys are a caller bug.
  if (new Set(hits.map((h) => h.key)).size !== hits.length) throw new Error('hitRateLimits: duplicate keys in one call');
  if (hits.length === 0) return Prisma.sql`SELECT NULL::text AS "key", 0 AS "count" WHERE FALSE`;
  const starts = hits.map((h) => windowStartMs(h, now));
  // Epoch milliseconds → timestamp(3) in UTC, the column's type (Prisma stores DateTime as UTC without zone).
  return Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    SELECT k, (to_timestamp(ms / 1000.0) AT TIME ZONE 'UTC')::timestamp(3), 1
    FROM unnest(${hits.map((h) => h.key)}::text[], ${starts.map(String)}::float8[]) AS t(k, ms)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "key", "count"`;
}

function windowStartMs(hit: TRateLimitHit, now: Date): number {
  return Math.floor(now.getTime() / hit.windowMs) * hit.windowMs;
}

/**
 * One result per hit, in order, from the rows the counting statement returned. When a new window began for some
 * key, stale windows are swept (cheap: indexed on windowStart, and only then).
 */
export async function settleRateLimitHits(hits: TRateLimitHit[], rows: TRateLimitRow[], now: Date): Promise<TRateLimitResult[]> {
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  if (rows.some((r) => Number(r.count) === 1)) {
    await withDatabase(() => db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) } } }));
  }
  return hits.map((h) => {
    const count = counts.get(h.key) ?? 1;
    return { key: h.key, allowed: count <= h.limit, count, limit: h.limit, retryAfterMs: windowStartMs(h, now) + h.windowMs - now.getTime() };
  });
}

/** Count one hit on every counter in `hits` in a single round trip; one result per hit, in order. */
export async function hitRateLimits(hits: TRateLimitHit[], now: Date = new Date()): Promise<TRateLimitResult[]> {
  if (hits.length === 0) return [];
  const sql = rateLimitCountSql(hits, now);
  // Raw-query failures carry the driver's "unreachable" kind in meta: withDatabase maps them to 503.
  const rows = await withDatabase(() => db.$queryRaw<TRateLimitRow[]>(sql));
  return settleRateLimitHits(hits, rows, now);
}
