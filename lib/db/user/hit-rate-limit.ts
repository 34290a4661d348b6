import { db } from '@/lib/db/client';

/** Result of counting one hit against a fixed-window limit. */
export type TRateLimitResult = { allowed: boolean; count: number; retryAfterMs: number };

/**
 * Count one hit for `key` in the current fixed window of `windowMs` and say whether it is within `limit`.
 * Rows live in RateLimit (key, windowStart); windows older than a day are swept when a new window starts.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number, now: Date = new Date()): Promise<TRateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterMs = windowStart.getTime() + windowMs - now.getTime();
  const upsert = () =>
    db.rateLimit.upsert({
      where: { key_windowStart: { key, windowStart } },
      create: { key, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    });
  let row: { count: number };
  try {
    row = await upsert();
  } catch (err) {
    // Two first hits in the same window race on the insert: the loser retries as an update.
    if ((err as { code?: unknown }).code !== 'P2002') throw err;
    row = await upsert();
  }
  if (row.count === 1) await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  return { allowed: row.count <= limit, count: row.count, retryAfterMs };
}
