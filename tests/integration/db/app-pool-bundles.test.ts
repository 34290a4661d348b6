/**
 * `next start` loads lib/db/client.ts once per route bundle; the copies share only globalThis. The submit route's
 * copy must find the pool of the process-wide client that another copy (sign-in, a page) created first.
 * (Its own file: a second isolated copy of the Prisma client in the same file confuses Prisma's engine.)
 */
import { disconnectDb, getDb, getDbPool, Prisma } from '@/lib/db/client';
import { requireTestDatabaseUrl } from '@/tests/setup/db';

beforeAll(() => requireTestDatabaseUrl());
afterAll(() => disconnectDb());

describe('getDbPool from another copy of lib/db/client', () => {
  it('is the pool of the process-wide client this copy created, and runs the plain statements', async () => {
    await getDb().$queryRaw`SELECT 1`; // this copy creates the process-wide client, as a sign-in or a page would
    let other: typeof import('@/lib/db/client') | undefined;
    let otherSql: typeof import('@/lib/db/sql') | undefined;
    jest.isolateModules(() => {
      other = require('@/lib/db/client');
      otherSql = require('@/lib/db/sql');
    });
    expect(other!.getDb()).toBe(getDb());
    expect(other!.getDbPool()).toBe(getDbPool());
    expect(await otherSql!.queryOnPool<{ one: number }>(Prisma.sql`SELECT 1::int4 AS one`)).toEqual([{ one: 1 }]);
  });
});
