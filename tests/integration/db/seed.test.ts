import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { db, disconnectDb } from '@/lib/db/client';
import { seedContent, SYSTEM_AUTHOR_EMAIL } from '@/lib/db/seed/seed-content';
import { requireTestDatabaseUrl, uniqueId } from '@/tests/setup/db';

const CONTENT = path.join(__dirname, '..', '..', '..', 'content');

afterAll(() => disconnectDb());

// A content dir holding one real scenario under a fresh slug, so this test owns its rows.
function contentDirWith(slug: string, edit: (yaml: string) => string = (y) => y): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'netpol-seed-'));
  mkdirSync(path.join(dir, 'scenarios'));
  const source = readdirSync(path.join(CONTENT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort()[0];
  const yaml = readFileSync(path.join(CONTENT, 'scenarios', source), 'utf8').replace(/^slug: .*$/m, `slug: ${slug}`);
  writeFileSync(path.join(dir, 'scenarios', `${slug}.yaml`), edit(yaml));
  return dir;
}

describe('seedContent', () => {
  it('seeded content/ before the tests ran (npm test = with-db: migrate + seed)', async () => {
    requireTestDatabaseUrl();
    const files = readdirSync(path.join(CONTENT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    const fileSlugs = files.map((f) => f.replace(/\.yaml$/, '')).sort();
    // Other suites add their own temporary content rows concurrently, so compare by slug, not by count.
    const rows = await db.scenario.findMany({ where: { source: 'content', published: true, slug: { in: fileSlugs } }, select: { slug: true }, distinct: ['slug'] });
    expect(fileSlugs.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.slug).sort()).toEqual(fileSlugs);
    const author = await db.user.findUnique({ where: { email: SYSTEM_AUTHOR_EMAIL } });
    expect(author).toMatchObject({ role: 'admin', passwordHash: null });
  });

  it('is idempotent and makes a changed file version + 1', async () => {
    const slug = uniqueId('seedtest-');
    const first = contentDirWith(slug);
    const changed = contentDirWith(slug, (y) => y.replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    try {
      const r1 = await seedContent(db, first, { unpublishMissing: false });
      expect(r1.created).toEqual([slug]);
      const r2 = await seedContent(db, first, { unpublishMissing: false });
      expect(r2.created).toEqual([]);
      expect(r2.updated).toEqual([]);
      const r3 = await seedContent(db, changed, { unpublishMissing: false });
      expect(r3.updated).toEqual([slug]);
      const rows = await db.scenario.findMany({ where: { slug }, orderBy: { version: 'asc' }, select: { version: true, contentHash: true } });
      expect(rows.map((r) => r.version)).toEqual([1, 2]);
      expect(rows[0].contentHash).not.toBe(rows[1].contentHash);
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(changed, { recursive: true, force: true });
    }
  });

  it('skips and reports a broken file without failing the others', async () => {
    const slug = uniqueId('seedtest-');
    const dir = contentDirWith(slug);
    writeFileSync(path.join(dir, 'scenarios', 'broken-file.yaml'), 'slug: broken-file\ntitle: [unclosed\n');
    try {
      const report = await seedContent(db, dir, { unpublishMissing: false });
      expect(report.created).toEqual([slug]);
      expect(report.errors.map((e) => e.file)).toEqual([path.join('scenarios', 'broken-file.yaml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
