import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { requireTestDatabaseUrl, uniqueId } from '@/tests/setup/db';

// The wasm stand-in for Prisma's schema-engine (scripts/schema-engine/), forced even where a native binary
// is installed, on a database of its own: the pitfalls decision 001 lists must stay fixed.
const ROOT = path.join(__dirname, '..', '..', '..');
const { resolveSchemaEngine } = require(path.join(ROOT, 'scripts/lib/schema-engine-path.js')) as {
  resolveSchemaEngine: (env: Record<string, string | undefined>) => Promise<{ kind: string; path: string }>;
};

const SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';
// A config without imports: the project dir is a temp dir with no node_modules.
const CONFIG = "export default { schema: 'schema.prisma', migrations: { path: 'migrations' }, datasource: { url: process.env.DATABASE_URL } };\n";

let project: string;
let url: string;
let dbName: string;

function adminUrl(): string {
  const u = new URL(requireTestDatabaseUrl());
  u.pathname = '/postgres';
  return u.toString();
}

async function sql<T = unknown>(target: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

function addMigration(name: string, script: string): void {
  mkdirSync(path.join(project, 'migrations', name), { recursive: true });
  writeFileSync(path.join(project, 'migrations', name, 'migration.sql'), script);
}

function prisma(args: string[], databaseUrl: string | undefined = url) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/prisma.js'), ...args], {
    cwd: project,
    env: { ...process.env, DATABASE_URL: databaseUrl, NETPOL_SCHEMA_ENGINE: 'stand-in', PRISMA_SCHEMA_ENGINE_BINARY: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  dbName = uniqueId('netpol_se_').replace(/-/g, '_');
  await sql(adminUrl(), `CREATE DATABASE "${dbName}"`);
  const u = new URL(requireTestDatabaseUrl());
  u.pathname = `/${dbName}`;
  url = u.toString();
  project = mkdtempSync(path.join(tmpdir(), 'netpol-se-'));
  writeFileSync(path.join(project, 'schema.prisma'), SCHEMA);
  writeFileSync(path.join(project, 'prisma.config.ts'), CONFIG);
});

afterAll(async () => {
  rmSync(project, { recursive: true, force: true });
  await sql(adminUrl(), `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

describe('schema-engine stand-in', () => {
  jest.setTimeout(180_000);

  it('is chosen when no native engine is installed or when forced, and an explicit binary wins', async () => {
    expect((await resolveSchemaEngine({ NETPOL_SCHEMA_ENGINE: 'stand-in' })).kind).toBe('stand-in');
    expect(await resolveSchemaEngine({ PRISMA_SCHEMA_ENGINE_BINARY: '/opt/schema-engine' })).toEqual({ kind: 'env', path: '/opt/schema-engine' });
  });

  it('diffs schema files without any database, like the native engine', () => {
    writeFileSync(path.join(project, 'model.prisma'), `${SCHEMA}model Thing {\n  id Int @id\n}\n`);
    const result = prisma(['migrate', 'diff', '--from-empty', '--to-schema', 'model.prisma', '--script'], undefined);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE "Thing"');
  });

  it('fails loudly (non-zero, reason shown) when the database is unreachable', () => {
    const result = prisma(['migrate', 'deploy'], 'postgresql://nobody:x@127.0.0.1:1/nothing');
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("Can't reach database server at `127.0.0.1:1`");
  });

  it('applies a migration with `$$` bodies and semicolons inside literals as one script', async () => {
    addMigration(
      '001_function',
      [
        'CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL);',
        "INSERT INTO \"Note\" VALUES (1, 'a; b; c');",
        'CREATE FUNCTION note_count() RETURNS bigint AS $$ SELECT count(*) FROM "Note"; $$ LANGUAGE sql;',
      ].join('\n'),
    );
    const result = prisma(['migrate', 'deploy']);
    expect(result.status).toBe(0);
    expect(await sql(url, 'SELECT note_count()::int AS n, (SELECT body FROM "Note") AS body')).toEqual([{ n: 1, body: 'a; b; c' }]);
  });

  it('applies a failing migration atomically: nothing of it remains', async () => {
    addMigration('002_broken', 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "does_not_exist";\n');
    const result = prisma(['migrate', 'deploy']);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('does_not_exist');
    expect(await sql(url, `SELECT to_regclass('"Half"') IS NULL AS gone`)).toEqual([{ gone: true }]);
  });
});
