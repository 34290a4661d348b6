import { randomUUID } from 'node:crypto';
import { db, type TDb } from '@/lib/db/client';

/**
 * Helpers for integration tests against the database `npm test` provides (scripts/with-db.js --mode test:
 * a throwaway embedded PostgreSQL with migrations applied and content/ seeded). Jest runs files in parallel
 * on that one database, so tests create their own rows with unique keys instead of wiping tables.
 */

/** The test database URL; fails with the fix when the suite was not started through `npm test`. */
export function requireTestDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: run integration tests through `npm test -- <path>` (it starts a throwaway PostgreSQL)');
  }
  return url;
}

/** A short unique suffix for emails, slugs and keys. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

/** Create a user with a unique email (no password unless given). */
export async function createTestUser(data: { role?: 'learner' | 'instructor' | 'admin'; passwordHash?: string; name?: string } = {}, client: TDb = db) {
  requireTestDatabaseUrl();
  return client.user.create({ data: { email: `${uniqueId('user-')}@test.local`, ...data } });
}

/** Create a published scenario row with a unique slug (content is a minimal placeholder unless given). */
export async function createTestScenario(data: { slug?: string; version?: number; content?: object } = {}, client: TDb = db) {
  requireTestDatabaseUrl();
  const slug = data.slug ?? uniqueId('scenario-');
  return client.scenario.create({
    data: { slug, version: data.version ?? 1, content: data.content ?? { slug }, contentHash: uniqueId('hash-'), source: 'content' },
  });
}

/**
 * Delete every row of every app table. Only allowed on the throwaway database of `npm test` (never on a
 * DATABASE_URL the developer passed in), and only safe in a file that runs alone (`npm test -- <file>`).
 */
export async function truncateAllTables(client: TDb = db): Promise<void> {
  if (process.env.NETPOL_TEST_DATABASE !== 'throwaway') {
    throw new Error('truncateAllTables refuses to run: the database is not the throwaway test database of `npm test`');
  }
  const rows = await client.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename.replace(/"/g, '""')}"`).join(', ');
  await client.$executeRawUnsafe(`TRUNCATE ${list} CASCADE`);
}
