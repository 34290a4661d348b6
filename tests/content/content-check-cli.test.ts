/** `npm run content:check`: a table per scenario, findings under it, exit 1 when anything fails. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const tsx = path.join(repo, 'node_modules/.bin/tsx');
const good = readFileSync(path.join(repo, 'content/scenarios/default-deny-ingress.yaml'), 'utf8');

function run(args: string[]) {
  const r = spawnSync(tsx, ['lib/scenarios/cli/content-check.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function root(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-check-'));
  mkdirSync(path.join(dir, 'scenarios'));
  mkdirSync(path.join(dir, 'drills'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('npm run content:check', () => {
  it('prints the table and exits 0 when every scenario passes', () => {
    const r = run(['--root', root({ 'scenarios/default-deny-ingress.yaml': good })]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['scenario', 'kind', 'exp', 'mutants', 'killed', 'survivors', 'time', 'status']);
    expect(lines[2]).toMatch(/^default-deny-ingress +write +7 +1\/2 +1 +0% +\d+ms +ok$/);
    expect(r.stdout).toContain('1 scenarios checked, 0 failed');
  });

  it('exits 1 and lists the findings of a failing scenario and an unloadable file', () => {
    const weak = good.replace(/ {2}- from: prod\/db\n {4}to: dev\/tester[\s\S]*?why: [^\n]*\n/, '');
    const r = run(['--root', root({ 'scenarios/default-deny-ingress.yaml': weak.replace(/ {2}- from: prod\/web\n {4}to: dev\/tester[\s\S]*?why: [^\n]*\n/, ''), 'scenarios/broken.yaml': 'slug: broken\ntitle: [\n' })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^broken +- +0 +- +- +- +0ms +FAIL$/m);
    expect(r.stdout).toMatch(/^default-deny-ingress +write +5 .* FAIL$/m);
    expect(r.stdout).toContain('error   [expectations] 5 expectations; at least 6 are needed');
    expect(r.stdout).toMatch(/error   \[schema\] line \d+ yaml: /);
    expect(r.stdout).toContain('2 scenarios checked, 2 failed');
  });

  it('checks one named scenario of the library and emits JSON on request', () => {
    const r = run(['--json', 'default-deny-ingress']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.scenarios.map((s: { slug: string }) => s.slug)).toEqual(['default-deny-ingress']);
    expect(out.corpus.scenarios).toBeGreaterThanOrEqual(40);
  });
});
