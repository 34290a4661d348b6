/**
 * The app's own pg pool (lib/db/client.ts), shared by Prisma's adapter and the submit hot path's plain statements
 * (lib/db/sql.ts): closed once by disconnectDb whichever side used it, typed as the hot path expects, with
 * statements built from nested Prisma.sql fragments and arrays, and its failures mapped like Prisma's.
 */
import { disconnectDb, getDb, getDbPool, Prisma } from '@/lib/db/client';
import { queryOnPool } from '@/lib/db/sql';
import { requireTestDatabaseUrl, uniqueId } from '@/tests/setup/db';

beforeAll(() => requireTestDatabaseUrl());
afterAll(() => disconnectDb());

describe('disconnectDb', () => {
  it('ends the pool when only the plain statements used it (Prisma never connected)', async () => {
    await disconnectDb();
    expect(await queryOnPool<{ one: number }>(Prisma.sql`SELECT 1::int4 AS one`)).toEqual([{ one: 1 }]);
    const pool = getDbPool();
    await disconnectDb();
    expect(pool.ending).toBe(true);
    expect(pool.totalCount).toBe(0);
  });

  it('ends the pool once when Prisma used it too, and a new client has a new pool', async () => {
    await disconnectDb();
    await getDb().$queryRaw`SELECT 1`;
    await queryOnPool(Prisma.sql`SELECT 1`);
    const pool = getDbPool();
    await disconnectDb();
    expect(pool.ending).toBe(true);
    expect(pool.totalCount).toBe(0);
    await queryOnPool(Prisma.sql`SELECT 1`);
    expect(getDbPool()).not.toBe(pool);
  });
});

describe('queryOnPool', () => {
  it('runs nested fragments with array parameters as one statement, parameters kept as parameters', async () => {
    const inner = Prisma.sql`SELECT k, n FROM unnest(${['a', "b'\"{,}"]}::text[], ${[1, 2]}::int4[]) AS t(k, n)`;
    const rows = await queryOnPool<{ k: string; n: number; total: string }>(
      Prisma.sql`WITH t AS (${inner}) SELECT k, n, (SELECT count(*) FROM t) AS total FROM t WHERE n >= ${1} ORDER BY n`,
    );
    // count(*) is int8: node-postgres returns it as a string (callers convert with Number).
    expect(rows).toEqual([
      { k: 'a', n: 1, total: '2' },
      { k: "b'\"{,}", n: 2, total: '2' },
    ]);
  });

  it('reads json as objects and timestamp-as-text without a zone shift', async () => {
    const [row] = await queryOnPool<{ j: unknown; t: string }>(
      Prisma.sql`SELECT json_build_object('key', 'x', 'count', 3) AS j, '2026-01-02 03:04:05.678'::timestamp(3)::text AS t`,
    );
    expect(row).toEqual({ j: { key: 'x', count: 3 }, t: '2026-01-02 03:04:05.678' });
  });

  it('passes a statement error through with its SQLSTATE (not a 503)', async () => {
    await expect(queryOnPool(Prisma.sql`SELECT nope FROM nowhere`)).rejects.toMatchObject({ code: '42P01' });
  });
});

describe('a ?schema= URL', () => {
  it('runs the plain statements in that schema, where Prisma`s typed queries go', async () => {
    const url = requireTestDatabaseUrl();
    // Mixed case and a space: the name must reach the server quoted and escaped.
    const schema = uniqueId('Pool ');
    await queryOnPool(Prisma.raw(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}"."User" (LIKE public."User" INCLUDING ALL)`));
    await disconnectDb();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}schema=${encodeURIComponent(schema)}`;
    let client: typeof import('@/lib/db/client') | undefined;
    let sql: typeof import('@/lib/db/sql') | undefined;
    // A fresh lib/env so the changed DATABASE_URL is read again.
    jest.isolateModules(() => {
      client = require('@/lib/db/client');
      sql = require('@/lib/db/sql');
    });
    try {
      const typed = await client!.getDb().user.count();
      const [plain] = await sql!.queryOnPool<{ n: number; schema: string }>(Prisma.sql`SELECT count(*)::int4 AS n, current_schema() AS schema FROM "User"`);
      expect(typed).toBe(0);
      expect(plain).toEqual({ n: 0, schema });
    } finally {
      await client!.disconnectDb();
      process.env.DATABASE_URL = saved;
      await queryOnPool(Prisma.raw(`DROP SCHEMA "${schema}" CASCADE`));
    }
  });
});
