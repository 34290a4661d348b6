import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/env';
import { databaseUnavailableReason } from '@/lib/errors';
import { OUTAGE_PROBE_TIMEOUT_MS } from './outage-gate-core';
import { observeAdapterFactory } from './outage-gate-observe';
import { registerDatabaseProbe } from './outage-gate-state';

export { Prisma } from '@/lib/generated/prisma/client';

/** The app's Prisma client type. */
export type TDb = InstanceType<typeof PrismaClient>;

/** Thrown on first use when no database is configured; carries P1001 so it maps to 503 like an unreachable server. */
export class DatabaseNotConfiguredError extends Error {
  readonly code = 'P1001';
  constructor() {
    super('DATABASE_URL is not set: start the app with `npm run dev` / `npm start` (they start PostgreSQL) or set DATABASE_URL');
    this.name = 'DatabaseNotConfiguredError';
  }
}

/**
 * Build a Prisma client on PostgreSQL through the pg driver adapter (Prisma 7 has no built-in driver).
 * `observeOutages` feeds the outage gate's flag (lib/db/outage-gate-state) from this client's statements.
 */
export function createDbClient(url: string, poolMax = 10, { observeOutages = false }: { observeOutages?: boolean } = {}): TDb {
  // `?schema=` is a Prisma URL parameter, not a pg one: hand it to the adapter.
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  // Our pool, handed to the adapter, so the submit hot path's plain statements (lib/db/sql.ts) share its
  // connections and limit. A bounded connect timeout makes a dead server answer 503 quickly instead of hanging.
  // With `?schema=`, Prisma qualifies its own queries with the schema but raw statements (these and the $queryRaw
  // ones) name tables bare: the connection's search_path sends them to the same schema.
  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5_000, ...(schema ? { options: searchPathOption(schema) } : {}) });
  // An idle connection that dies (database restart) emits 'error' on the pool; unheard, it would end the process.
  // The adapter adds its own listener only once Prisma connects, so listen from the start.
  pool.on('error', (err) => console.error('[db] idle connection lost:', err.message));
  const adapter = new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true });
  const client = new PrismaClient({ adapter: observeOutages ? observeAdapterFactory(adapter) : adapter });
  poolOfClient.set(client, pool);
  return client;
}

// Each client's pool. On globalThis, like the process-wide client below: `next start` loads this module once per
// route bundle, and the bundle that asks for the pool (the submit route) is rarely the one that made the client.
const poolCarrier = globalThis as unknown as { __netpolDbPools?: WeakMap<TDb, pg.Pool> };
const poolOfClient = (poolCarrier.__netpolDbPools ??= new WeakMap<TDb, pg.Pool>());

// The startup `options` that set search_path to `schema`, quoted (case kept); the server splits `options` on
// whitespace unless a backslash escapes it.
function searchPathOption(schema: string): string {
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  return `-c search_path=${quoted.replace(/[\s\\]/g, (c) => `\\${c}`)}`;
}

// Next dev re-evaluates modules on every change; one client per process keeps the pool from multiplying.
const globalForDb = globalThis as unknown as { __netpolDb?: TDb };

/** The process-wide client, created on first use from DATABASE_URL. */
export function getDb(): TDb {
  if (!globalForDb.__netpolDb) {
    const env = getEnv();
    if (!env.DATABASE_URL) throw new DatabaseNotConfiguredError();
    const client = createDbClient(env.DATABASE_URL, env.DATABASE_POOL_MAX, { observeOutages: true });
    globalForDb.__netpolDb = client;
    // Only the app's own client decides whether pages are gated (clients made by tests or scripts do not).
    registerDatabaseProbe(async () => {
      const result = await pingDatabase(client, OUTAGE_PROBE_TIMEOUT_MS);
      return result.ok ? null : (databaseUnavailableReason(result.error) ?? 'database error');
    });
  }
  return globalForDb.__netpolDb;
}

/** The pg pool under the process-wide client (created with it): only lib/db/sql.ts uses it. */
export function getDbPool(): pg.Pool {
  const pool = poolOfClient.get(getDb());
  if (!pool) throw new Error('the process-wide database client has no pool');
  return pool;
}

/** Close the process-wide client (tests, scripts); the next `db` use opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.__netpolDb;
  globalForDb.__netpolDb = undefined;
  if (!client) return;
  await client.$disconnect();
  // The adapter ends the pool (disposeExternalPool) only if Prisma ever connected; when only the plain statements
  // of lib/db/sql.ts used it, end it here (ending it twice would throw).
  const pool = poolOfClient.get(client);
  if (pool && !pool.ending) await pool.end();
}

/**
 * The one Prisma client of the app (only `lib/db/**` imports it). Created lazily so importing this module
 * (e.g. during `next build`) never needs a database.
 */
export const db: TDb = new Proxy({} as TDb, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

/** `SELECT 1` on `client`: `{ ok: true }`, or `{ ok: false, error }` when the database cannot answer. */
export async function pingDatabase(client: TDb = db, timeoutMs = 5_000): Promise<{ ok: true } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('database did not answer in time'), { code: 'P1008' })), timeoutMs);
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}
