import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gradeSubmission } from './grade';
import { redactReport, toLearnerScenario } from './learner-view';
import { parseScenarioYaml } from './parse-scenario';
import type { TScenario } from './schema';

function load(slug: string): TScenario {
  return parseScenarioYaml(readFileSync(path.join(__dirname, '../../content/scenarios', `${slug}.yaml`), 'utf8')).content!;
}

const scenario = load('allow-from-namespace');
// Solution lines that also appear in visible text (apiVersion, kind, ...) are boilerplate, not secrets.
const secrets = (s: TScenario) => [
  ...s.expectations.map((e) => e.why),
  ...s.solution!.split('\n').map((l) => l.trim()).filter((l) => l.length > 12 && !(s.existingPolicies ?? '').includes(l) && !s.task.includes(l)),
  s.explanation.split('\n')[0],
];

describe('toLearnerScenario', () => {
  it('carries no expectations, solution, explanation, why or locked hints', () => {
    const view = toLearnerScenario(scenario, { hintsUnlocked: 0 });
    const json = JSON.stringify(view);
    for (const secret of [...secrets(scenario), ...scenario.hints]) expect(json).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(Object.keys(view).sort()).toEqual(
      ['cells', 'cluster', 'difficulty', 'existingPolicies', 'hints', 'hintsTotal', 'kind', 'matrixPorts', 'namespace', 'requirements', 'slug', 'starter', 'task', 'timeMinutes', 'title', 'topics'].sort(),
    );
    expect(view).toMatchObject({ hints: [], hintsTotal: 3, cells: [], starter: null, existingPolicies: scenario.existingPolicies });
    expect(view.requirements).toEqual(['a NetworkPolicy named `allow-monitoring` in namespace `prod`', 'every submitted NetworkPolicy is in namespace `prod`']);
    expect(view.matrixPorts).toEqual([{ port: 9090, protocol: 'TCP' }, { port: 80, protocol: 'TCP' }, { port: 5432, protocol: 'TCP' }]);
  });

  it('unlocks hints progressively and clamps the count', () => {
    expect(toLearnerScenario(scenario, { hintsUnlocked: 2 }).hints).toEqual(scenario.hints.slice(0, 2));
    expect(toLearnerScenario(scenario, { hintsUnlocked: 99 }).hints).toEqual(scenario.hints);
    expect(toLearnerScenario(scenario, { hintsUnlocked: -1 }).hints).toEqual([]);
  });

  it('lists predict cells without verdicts or why', () => {
    const predict: TScenario = { ...scenario, kind: 'predict', solution: undefined, requirements: [] };
    const view = toLearnerScenario(predict, { hintsUnlocked: 0 });
    expect(view.cells).toHaveLength(scenario.expectations.length);
    expect(view.cells[0]).toEqual({ from: 'monitoring/prometheus', to: 'prod/web', port: 9090, protocol: 'TCP' });
    expect(JSON.stringify(view)).not.toMatch(/"allowed"|"why"/);
  });

  it('does not share objects with the scenario', () => {
    const view = toLearnerScenario(scenario, { hintsUnlocked: 0 });
    view.cluster.pods[0].labels.app = 'changed';
    expect(scenario.cluster.pods[0].labels.app).toBe('web');
  });
});

describe('redactReport', () => {
  const wrong = scenario.solution!.replace('port: 9090', 'port: 80');
  const report = gradeSubmission(scenario, wrong);

  it('before the reveal keeps only failed expectations, with their why', () => {
    const red = redactReport(report, { revealed: false });
    expect(red.revealed).toBe(false);
    expect(red.expectations.length).toBe(report.expectations.filter((e) => !e.passed).length);
    expect(red.expectations.every((e) => !e.passed && e.why.length > 0)).toBe(true);
    const passedWhys = report.expectations.filter((e) => e.passed).map((e) => e.why);
    const json = JSON.stringify(red);
    for (const why of passedWhys) expect(json).not.toContain(why);
    // the counts stay (the score is not a secret)
    expect({ passed: red.passed, total: red.total, score: red.score }).toEqual({ passed: report.passed, total: report.total, score: report.score });
  });

  it('before the reveal unmarks matrix cells of passed expectations but keeps mismatches', () => {
    const red = redactReport(report, { revealed: false });
    const cells = red.matrix!.grids.flatMap((g) => g.cells.flat());
    expect(cells.filter((c) => c.expected !== undefined).every((c) => c.mismatch === true)).toBe(true);
    expect(cells.filter((c) => c.mismatch).length).toBe(red.expectations.length);
    const full = report.matrix!.grids.flatMap((g) => g.cells.flat());
    expect(full.filter((c) => c.expected !== undefined).length).toBe(report.expectations.length);
  });

  it('after the reveal returns everything and leaves the input untouched', () => {
    const red = redactReport(report, { revealed: true });
    expect(red).toEqual({ ...report, revealed: true });
    redactReport(report, { revealed: false });
    expect(report.expectations).toHaveLength(scenario.expectations.length);
  });

  it('on a pass before the reveal shows no expectation at all', () => {
    const red = redactReport(gradeSubmission(scenario, scenario.solution!), { revealed: false });
    expect(red.expectations).toEqual([]);
    expect(red.pass).toBe(true);
    for (const secret of secrets(scenario)) expect(JSON.stringify(red)).not.toContain(JSON.stringify(secret).slice(1, -1));
  });
});
