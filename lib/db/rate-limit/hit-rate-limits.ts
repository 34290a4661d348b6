import { db } from '@/lib/db/client';
import { withDatabase } from '@/lib/db/errors';

/** One counter to bump: a key (e.g. `submit:account:<id>`) with its fixed window and the hits it allows. */
export type TRateLimitHit = { key: string; limit: number; windowMs: number };

/** Result of counting one hit against one fixed-window counter. */
export type TRateLimitResult = { key: string; allowed: boolean; count: number; limit: number; retryAfterMs: number };

// Windows this old are swept when some counter starts a new window (the longest window we use is an hour).
const SWEEP_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Count one hit on every counter in `hits` in a single round trip (INSERT … ON CONFLICT DO UPDATE … RETURNING),
 * so the counts are exact across app instances: the rows live in the RateLimit table (key, windowStart), never
 * in process memory. Returns one result per hit, in order.
 */
export async function hitRateLimits(hits: TRateLimitHit[], now: Date = new Date()): Promise<TRateLimitResult[]> {
  if (hits.length === 0) return [];
  // One row may be touched once per statement: duplicate keys are a caller bug.
  if (new Set(hits.map((h) => h.key)).size !== hits.length) throw new Error('hitRateLimits: duplicate keys in one call');
  const starts = hits.map((h) => Math.floor(now.getTime() / h.windowMs) * h.windowMs);
  const keys = hits.map((h) => h.key);
  // Epoch milliseconds → timestamp(3) in UTC, the column's type (Prisma stores DateTime as UTC without zone).
  // Raw-query failures carry the driver's "unreachable" kind in meta: withDatabase maps them to 503.
  const rows = await withDatabase(() => db.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    SELECT k, (to_timestamp(ms / 1000.0) AT TIME ZONE 'UTC')::timestamp(3), 1
    FROM unnest(${keys}::text[], ${starts.map(String)}::float8[]) AS t(k, ms)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "key", "count"`);
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  if (rows.some((r) => Number(r.count) === 1)) {
    // A new window began for some key: sweep stale windows then (cheap: indexed on windowStart).
    await withDatabase(() => db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) } } }));
  }
  return hits.map((h, i) => {
    const count = counts.get(h.key) ?? 1;
    return { key: h.key, allowed: count <= h.limit, count, limit: h.limit, retryAfterMs: starts[i] + h.windowMs - now.getTime() };
  });
}
