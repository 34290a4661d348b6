/** The grade CLI's contract (issue 4 item 3): exact JSON fields on stdout, exit 0 when graded, 2 when unusable. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const repo = path.resolve(__dirname, '../..');
const tsx = path.join(repo, 'node_modules/.bin/tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'grade-cli-'));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function grade(args: string[], input?: string) {
  const r = spawnSync(tsx, ['lib/scenarios/cli/grade.ts', ...args], { cwd: repo, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scenarioFile = path.join(repo, 'content/scenarios/default-deny-ingress.yaml');
const solution = parse(readFileSync(scenarioFile, 'utf8')).solution as string;

describe('npm run grade', () => {
  it('grades the reference solution: exact contract keys, score 1', () => {
    const r = grade(['--scenario', 'default-deny-ingress', '--submission', write('ok.yaml', solution)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['scenario', 'score', 'passed', 'total', 'failed', 'errors', 'lint', 'requirements']);
    expect(out).toMatchObject({ scenario: 'default-deny-ingress', score: 1, passed: 9, total: 9, failed: [], errors: [] });
    expect(out.requirements).toHaveLength(2);
    for (const req of out.requirements) expect(Object.keys(req)).toEqual(['description', 'passed', 'reason']);
  });

  it('grades a wrong answer with exit 0 and lists failed flows with reasons', () => {
    const wrong = solution.replace('    - Ingress', '    - Ingress\n    - Egress');
    expect(wrong).not.toBe(solution);
    const r = grade(['--scenario', 'default-deny-ingress', '--submission', write('wrong.yaml', wrong)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(7);
    expect(out.score).toBeCloseTo(7 / 9);
    expect(out.failed).toHaveLength(2);
    for (const f of out.failed) {
      expect(Object.keys(f)).toEqual(['from', 'to', 'port', 'protocol', 'expected', 'actual', 'reason']);
      expect(f).toMatchObject({ to: 'dev/tester', protocol: 'TCP', expected: 'allowed', actual: 'denied' });
      expect(f.reason.length).toBeGreaterThan(0);
    }
  });

  it('reports validation errors with line and column and scores 0', () => {
    const bad = solution.replace('podSelector: {}', 'podSelector: {}\n  policyTypes: [Sideways]').replace(/ {2}policyTypes:\n {4}- Ingress\n/, '');
    const r = grade(['--scenario', 'default-deny-ingress', '--submission', write('bad.yaml', bad)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.score).toBe(0);
    expect(out.passed).toBe(0);
    expect(out.errors.length).toBeGreaterThan(0);
    expect(Object.keys(out.errors[0])).toEqual(['line', 'column', 'path', 'message']);
    expect(out.errors[0].line).toBe(8);
    expect(out.errors[0].path).toContain('policyTypes');
  });

  it('reads a scenario by path and the submission from stdin, and prints text on request', () => {
    const r = grade(['--scenario', scenarioFile, '--submission', '-', '--output', 'text'], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^default-deny-ingress: FAIL {2}score \d+\/9/);
    expect(r.stdout).toContain('FAIL dev/tester → prod/web :80/TCP  expected denied, got allowed');
  });

  it('exits 2 with nothing on stdout for an unknown scenario, a missing file or an invalid scenario', () => {
    const sub = write('any.yaml', solution);
    for (const args of [
      ['--scenario', 'no-such-scenario', '--submission', sub],
      ['--scenario', 'default-deny-ingress', '--submission', path.join(dir, 'missing.yaml')],
      ['--scenario', write('broken.yaml', 'slug: broken\n'), '--submission', sub],
      ['--scenario', 'default-deny-ingress'],
      ['--scenario', 'default-deny-ingress', '--submission', dir],
    ]) {
      const r = grade(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^grade: /);
    }
  });
});
