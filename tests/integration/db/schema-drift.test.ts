import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireTestDatabaseUrl } from '@/tests/setup/db';

const ROOT = path.join(__dirname, '..', '..', '..');

// `prisma migrate diff --from-migrations … --to-schema … --exit-code` through our wrapper: exit 0 = in sync,
// 2 = the schema has changes no migration contains. It replays the migrations in a shadow database.
function migrateDiff(schemaPath: string) {
  return spawnSync(
    process.execPath,
    ['scripts/prisma.js', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', schemaPath, '--exit-code'],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: requireTestDatabaseUrl() }, encoding: 'utf8', timeout: 120_000 },
  );
}

describe('prisma/schema.prisma vs prisma/migrations', () => {
  jest.setTimeout(180_000);

  it('has no changes missing from the migrations (else: npm run db:migrate -- --name <change>)', () => {
    const result = migrateDiff('prisma/schema.prisma');
    expect({ status: result.status, stdout: result.stdout.trim() }).toEqual({ status: 0, stdout: 'No difference detected.' });
  });

  it('reports a drifted schema (the check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netpol-drift-'));
    try {
      const drifted = readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8').replace(
        /model RateLimit \{/,
        'model RateLimit {\n  driftProbe Int?',
      );
      const file = path.join(dir, 'schema.prisma');
      writeFileSync(file, drifted);
      const result = migrateDiff(file);
      expect(result.status).toBe(2);
      expect(result.stdout).toContain('driftProbe');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
