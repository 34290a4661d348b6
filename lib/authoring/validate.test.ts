import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkScenario } from '@/lib/scenarios/check';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { composeScenario, composedText, scenarioToForm } from './author-form';
import { validateAuthorForm } from './validate';

const text = readFileSync(path.join(__dirname, '../../content/scenarios/default-deny-ingress.yaml'), 'utf8');
const form = scenarioToForm(parseScenarioYaml(text).content!);

describe('validateAuthorForm', () => {
  test('a valid scenario passes with a matrix and a mutation report', () => {
    const { validation, scenario } = validateAuthorForm(form);
    expect(validation.ok).toBe(true);
    expect(scenario?.slug).toBe('default-deny-ingress');
    expect(validation.mutation?.changed).toBeGreaterThan(0);
    expect(validation.matrix && 'grids' in validation.matrix).toBe(true);
  });

  test('prose edits reuse the check; edits the checks read rerun it', () => {
    validateAuthorForm(form);
    const prose = validateAuthorForm({ ...form, task: `${form.task}more words\n`, hints: ['a new hint'] });
    expect(prose.validation.cached).toBe(true);
    expect(prose.scenario?.task).toContain('more words');
    const wrong = validateAuthorForm({ ...form, solution: form.solution.replace('- Ingress', '- Egress') });
    expect(wrong.validation.cached).toBe(false);
    expect(wrong.validation.ok).toBe(false);
    expect(wrong.validation.findings.some((f) => f.check === 'solution' && f.section === 'solution')).toBe(true);
  });

  test('a schema error is reported as content:check reports the same file', () => {
    const bad = { ...form, difficulty: 7, expectations: form.expectations.replace('allowed: false', 'allowed: nope') };
    const { validation, scenario } = validateAuthorForm(bad);
    expect(scenario).toBeNull();
    expect(validation.ok).toBe(false);
    expect(validation.matrix).toBeNull();
    const cli = checkScenario(composedText(composeScenario(bad)), { fileSlug: bad.slug });
    expect(validation.findings.map((f) => f.message)).toEqual(cli.findings.map((f) => f.message));
    expect(validation.findings.map((f) => f.section).sort()).toEqual(['expectations', 'metadata']);
  });

  test('a YAML syntax error in a section makes the form fail even if the rest is valid', () => {
    const { validation } = validateAuthorForm({ ...form, ports: '- {port: 80' });
    expect(validation.ok).toBe(false);
    expect(validation.sectionErrors[0].section).toBe('ports');
  });
});

test('the reference solution is linted like a submission', () => {
  // A policy whose podSelector matches no pod: a classic lint finding.
  const solution = form.solution.replace('podSelector: {}', 'podSelector:\n    matchLabels:\n      app: nothing-here');
  expect(solution).not.toBe(form.solution);
  const { validation } = validateAuthorForm({ ...form, solution });
  expect(validation.referenceLint.length).toBeGreaterThan(0);
  expect(validation.referenceLint[0].code).toMatch(/^NP011/);
  expect(validateAuthorForm(form).validation.referenceLint).toEqual([]);
});

test('a scenario beyond the live-check limits is refused without running the check', () => {
  const pods = Array.from({ length: 201 }, (_, i) => `  - { namespace: prod, name: p${i}, ip: 10.9.${Math.floor(i / 200)}.${i % 200 + 1} }`).join('\n');
  const { validation } = validateAuthorForm({ ...form, cluster: `namespaces:\n  - { name: prod }\n  - { name: dev }\npods:\n${pods}\n` });
  expect(validation.ok).toBe(false);
  expect(validation.sectionErrors).toEqual([{ section: 'cluster', message: '201 pods: the live check handles up to 200' }]);
  expect(validation.mutation).toBeNull();
});

test('Markdown nested deeper than the renderer takes is named per section, and the checks still run', () => {
  const deep = '>'.repeat(2048);
  const { validation, scenario } = validateAuthorForm({ ...form, task: `Intro\n\n${deep}\n`, explanation: `${'*'.repeat(4096)}x${'*'.repeat(4096)}`, hints: ['fine', `${'1. '.repeat(1333)}x`] });
  expect(validation.ok).toBe(false);
  expect(validation.sectionErrors).toEqual([
    { section: 'task', message: 'Markdown nested deeper than 20 levels', line: 3 },
    { section: 'explanation', message: 'Markdown nested deeper than 20 levels', line: 1 },
    { section: 'hints', message: 'hint 2: Markdown nested deeper than 20 levels', line: 1 },
  ]);
  // The scenario itself is valid: the content checks ran and passed.
  expect(scenario?.task).toContain(deep);
  expect(validation.findings.filter((f) => f.severity === 'error')).toEqual([]);
  // Twenty levels are fine.
  expect(validateAuthorForm({ ...form, task: `${'>'.repeat(20)} quoted\n` }).validation.ok).toBe(true);
});
