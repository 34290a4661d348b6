/**
 * The app's live validation and `npm run content:check` are one implementation: for every content file the
 * editor (file → form → validate) reports exactly what the CLI reports.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import { validateAuthorForm } from '@/lib/authoring/validate';
import { readFileSync } from 'node:fs';
import type { CheckResult } from '@/lib/scenarios/check';

const root = path.join(__dirname, '../../..');
type CliRow = CheckResult & { file: string };

let rows: CliRow[] = [];

beforeAll(() => {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'lib/scenarios/cli/content-check.ts', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // content:check exits 1 when a file fails; its JSON is still the report to compare against.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  rows = (JSON.parse(out) as { scenarios: CliRow[] }).scenarios;
}, 120_000);

const strip = (r: Pick<CheckResult, 'findings' | 'mutation' | 'ok' | 'kind' | 'expectations'>) => ({
  ok: r.ok,
  kind: r.kind,
  expectations: r.expectations,
  findings: r.findings.map((f) => ({ severity: f.severity, check: f.check, message: f.message })),
  mutation: r.mutation,
});

test('content:check reported every scenario file', () => {
  expect(rows.length).toBeGreaterThanOrEqual(40);
});

test('every content file: the editor reports what content:check reports', () => {
  for (const row of rows) {
    const text = readFileSync(path.join(root, 'content', row.file), 'utf8');
    const imported = importScenarioYaml(text);
    expect(imported.errors).toEqual([]);
    const { validation, check } = validateAuthorForm(scenarioToForm(imported.content!));
    expect({ file: row.file, ...strip(check) }).toEqual({ file: row.file, ...strip(row) });
    expect(validation.ok).toBe(row.ok);
    expect(validation.findings.map((f) => f.message)).toEqual(row.findings.map((f) => f.message));
  }
});

test('a broken scenario fails the same way in both (solution no longer passes)', () => {
  const text = readFileSync(path.join(root, 'content/scenarios/default-deny-ingress.yaml'), 'utf8');
  const broken = text.replace('      - Ingress\n', '      - Egress\n');
  expect(broken).not.toBe(text);
  const { check } = validateAuthorForm(scenarioToForm(importScenarioYaml(broken).content!));
  const tmp = path.join(require('node:os').tmpdir(), `default-deny-ingress.yaml`);
  require('node:fs').writeFileSync(tmp, broken);
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'lib/scenarios/cli/content-check.ts', '--json', tmp], { cwd: root, encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? '';
  }
  const cli = (JSON.parse(out) as { scenarios: CliRow[] }).scenarios.find((r) => r.file === tmp)!;
  expect(check.ok).toBe(false);
  expect(strip(check)).toEqual(strip(cli));
}, 60_000);
