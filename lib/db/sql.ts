import type { Prisma } from '@/lib/db/client';
import { getDbPool } from '@/lib/db/client';
import { withDatabase } from '@/lib/db/errors';
import { recordOutcome } from './outage-gate-observe';

/**
 * Run one statement built with `Prisma.sql` (parameters stay parameters) straight on the app's pg pool, past
 * Prisma's query pipeline, and return its rows as node-postgres parses them.
 *
 * Only for the submit hot path (docs/decisions/003-submit-hot-path-sql.md): inside the server each Prisma raw
 * query cost 0.7-0.9 ms of CPU against ~0.1 ms for the same statement on the pool, and a submission makes two.
 * Everything else goes through Prisma. Same pool and connection limit, same 503 mapping (withDatabase), and the
 * outage gate sees the outcome like any Prisma statement. Select timestamps as text or epoch numbers: pg parses
 * `timestamp` (no zone, as Prisma stores UTC) in the process's local zone.
 */
export async function queryOnPool<T>(statement: Prisma.Sql): Promise<T[]> {
  const pool = await withDatabase(async () => getDbPool());
  const result = await withDatabase(() => recordOutcome(pool.query(statement.text, statement.values as unknown[])));
  return result.rows as T[];
}
