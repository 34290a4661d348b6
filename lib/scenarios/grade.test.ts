import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gradeSubmission, parsePredictAnswers, type GradeReport } from './grade';
import { parseScenarioYaml } from './parse-scenario';
import type { TScenario } from './schema';

function load(slug: string): TScenario {
  const parsed = parseScenarioYaml(readFileSync(path.join(__dirname, '../../content/scenarios', `${slug}.yaml`), 'utf8'));
  if (!parsed.content) throw new Error(JSON.stringify(parsed.errors));
  return parsed.content;
}

const denyIngress = load('default-deny-ingress');
const fromNamespace = load('allow-from-namespace');
const egressExcept = load('egress-ipblock-except');

const header = (name: string, ns: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n`;
const failed = (r: GradeReport) => r.expectations.filter((e) => !e.passed);
const result = (r: GradeReport, from: string, to: string, port: number | string, protocol = 'TCP') => {
  const hit = r.expectations.find((e) => e.from === from && e.to === to && e.port === port && e.protocol === protocol);
  if (!hit) throw new Error(`no expectation ${from} -> ${to}:${port}/${protocol}`);
  return hit;
};

describe('gradeSubmission: report fields', () => {
  it('passes the reference solution with score 1', () => {
    const r = gradeSubmission(denyIngress, denyIngress.solution!);
    expect(r).toMatchObject({ scenario: 'default-deny-ingress', kind: 'write', score: 1, passed: 9, total: 9, pass: true, errors: [] });
    expect(r.expectations).toHaveLength(7);
    expect(r.requirements).toEqual([
      { description: 'a NetworkPolicy named `default-deny-ingress` in namespace `prod`', passed: true, reason: 'found `prod/default-deny-ingress` at line 1' },
      { description: 'every submitted NetworkPolicy is in namespace `prod`', passed: true, reason: 'the submitted policy is in `prod`' },
    ]);
  });

  it('fills every expectation field, with the engine reason, explanation and the line of the responsible rule', () => {
    const text = header('default-deny-ingress', 'prod') + '  podSelector: {}\n  ingress:\n  - {}\n';
    const r = gradeSubmission(denyIngress, text);
    expect(r.pass).toBe(false);
    expect(r.passed).toBe(4);
    expect(r.score).toBeCloseTo(4 / 9);
    const e = result(r, 'dev/tester', 'prod/web', 80);
    expect(e).toEqual({
      from: 'dev/tester',
      to: 'prod/web',
      port: 80,
      protocol: 'TCP',
      expected: 'denied',
      actual: 'allowed',
      passed: false,
      reason: 'allowed: egress of dev/tester not isolated; ingress of prod/web allowed by prod/default-deny-ingress spec.ingress[0] (line 9)',
      explanation: expect.stringContaining('ALLOWED: dev/tester -> prod/web on 80/TCP\n'),
      why: 'web is selected by the empty podSelector and the policy has no ingress rules, so nothing may connect',
      policyLine: 9,
      pointers: [{ policy: 'prod/default-deny-ingress', path: 'spec.ingress[0]', line: 9, inSubmission: true }],
    });
    expect(e.explanation).toContain('allowed by:\n  - prod/default-deny-ingress spec.ingress[0] (line 9)');
    // Passed expectations carry the same fields (the app shows them after the reveal).
    const ok = result(r, 'prod/web', 'dev/tester', 80);
    expect(ok).toMatchObject({ expected: 'allowed', actual: 'allowed', passed: true, reason: expect.stringMatching(/^allowed: /) });
  });

  it('points at existing policies without a submission line', () => {
    const text = header('allow-monitoring', 'prod') + '  podSelector:\n    matchLabels:\n      app: nothing\n  ingress:\n  - {}\n';
    const e = result(gradeSubmission(fromNamespace, text), 'monitoring/prometheus', 'prod/web', 9090);
    expect(e.actual).toBe('denied');
    expect(e.policyLine).toBeUndefined();
    expect(e.pointers).toEqual([{ policy: 'prod/default-deny-ingress', path: '', line: 1, inSubmission: false }]);
  });

  it('scores 0 with located errors when the submission does not validate', () => {
    const text = header('default-deny-ingress', 'prod') + '  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n';
    const r = gradeSubmission(denyIngress, text);
    expect(r).toMatchObject({ score: 0, passed: 0, total: 9, pass: false, expectations: [], requirements: [], matrix: null });
    expect(r.errors).toEqual([
      { line: 10, column: 7, path: 'spec.ingress[0].ports[0].port', message: 'spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive' },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const r = gradeSubmission(denyIngress, 'apiVersion: v1\nkind: [\n');
    expect(r.score).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBeGreaterThan(0);
    expect(r.errors[0].message).toMatch(/^yaml: /);
  });

  it('puts engine warnings in lint without failing the grade', () => {
    const text = egressExcept.solution!.replace('cidr: 203.0.113.0/24', 'cidr: 203.0.113.1/24');
    const r = gradeSubmission(egressExcept, text);
    expect(r.pass).toBe(true);
    expect(r.lint).toEqual([
      expect.objectContaining({ code: 'validation-warning', path: 'spec.egress[0].to[0].ipBlock.cidr', line: 15, column: 13, message: expect.stringContaining('203.0.113.1/24') }),
    ]);
  });

  it('builds the connectivity matrix: every endpoint on every task port, expected marked on expectation cells', () => {
    const r = gradeSubmission(denyIngress, '');
    expect(r.matrix!.endpoints).toEqual(['prod/web', 'prod/api', 'prod/db', 'dev/tester']);
    expect(r.matrix!.grids.map((g) => `${g.port}/${g.protocol}`)).toEqual(['80/TCP', '5432/TCP', '8080/TCP', '9090/TCP']);
    const g80 = r.matrix!.grids[0];
    // dev/tester -> prod/web is an expectation cell (denied expected, allowed without a policy)
    expect(g80.cells[3][0]).toEqual({ actual: 'allowed', expected: 'denied', mismatch: true });
    // prod/web -> dev/tester: expectation met
    expect(g80.cells[0][3]).toEqual({ actual: 'allowed', expected: 'allowed', mismatch: false });
    // prod/api -> prod/web on 80: not an expectation cell
    expect(g80.cells[1][0]).toEqual({ actual: 'allowed' });
    const withSolution = gradeSubmission(denyIngress, denyIngress.solution!);
    expect(withSolution.matrix!.grids[0].cells[1][0]).toEqual({ actual: 'denied' });
  });

  it('uses the scenario ports for the matrix when given', () => {
    const r = gradeSubmission({ ...denyIngress, ports: [{ port: 'metrics', protocol: 'TCP' }] }, '');
    expect(r.matrix!.grids.map((g) => g.port)).toEqual(['metrics']);
  });
});

describe('gradeSubmission: kubectl apply semantics', () => {
  it('replaces an existing policy with the same namespace and name', () => {
    const allowAll = header('default-deny-ingress', 'prod') + '  podSelector: {}\n  ingress:\n  - {}\n';
    const r = gradeSubmission(fromNamespace, allowAll);
    expect(result(r, 'dev/tester', 'prod/web', 9090).actual).toBe('allowed');
  });

  it('adds a policy with another name next to the existing ones', () => {
    const allowAll = header('allow-all', 'prod') + '  podSelector: {}\n  ingress:\n  - {}\n';
    expect(result(gradeSubmission(fromNamespace, allowAll), 'dev/tester', 'prod/web', 9090).actual).toBe('allowed');
    const noop = header('allow-nothing', 'prod') + '  podSelector: {}\n';
    expect(result(gradeSubmission(fromNamespace, noop), 'dev/tester', 'prod/web', 9090).actual).toBe('denied');
  });

  it('puts policies without metadata.namespace in the task namespace', () => {
    const text = denyIngress.solution!.replace('  namespace: prod\n', '');
    expect(gradeSubmission(denyIngress, text).pass).toBe(true);
  });
});

describe('gradeSubmission: one wrong answer per classic mistake, with its reason', () => {
  it('podSelector without namespaceSelector only matches the policy namespace', () => {
    const text = header('allow-monitoring', 'prod') + '  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: prometheus\n    ports:\n    - port: 9090\n';
    const e = result(gradeSubmission(fromNamespace, text), 'monitoring/prometheus', 'prod/web', 9090);
    expect(e.actual).toBe('denied');
    expect(e.reason).toContain('spec.ingress[0].from[0].podSelector only selects pods in namespace prod (no namespaceSelector), source monitoring/prometheus is in namespace monitoring');
    expect(e.policyLine).toBe(10);
  });

  it('two peers are OR-ed, not AND-ed', () => {
    const text = header('allow-monitoring', 'prod') + '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: monitoring\n    - podSelector: {}\n    ports:\n    - port: 9090\n';
    const r = gradeSubmission(fromNamespace, text);
    expect(failed(r).map((e) => `${e.from}->${e.to}`)).toEqual(['prod/api->prod/db']);
    expect(failed(r)[0]).toMatchObject({ expected: 'denied', actual: 'allowed', reason: 'allowed: egress of prod/api not isolated; ingress of prod/db allowed by prod/allow-monitoring spec.ingress[0] (line 9)' });
  });

  it('egress rules are ignored when policyTypes lacks Egress', () => {
    const text = header('gateway-egress', 'payments') + '  podSelector:\n    matchLabels:\n      app: gateway\n  policyTypes: [Ingress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 203.0.113.0/24\n';
    const r = gradeSubmission(egressExcept, text);
    expect(result(r, 'payments/gateway', 'internet', 443)).toMatchObject({ expected: 'denied', actual: 'allowed', reason: 'allowed: egress of payments/gateway not isolated' });
    // and listing only Ingress isolated gateway's ingress instead
    expect(result(r, 'payments/worker', 'payments/gateway', 443)).toMatchObject({
      actual: 'denied',
      reason: 'denied: ingress of payments/gateway denied: isolated by payments/gateway-egress; payments/gateway-egress has no ingress rules',
    });
  });

  it('Egress in policyTypes without rules denies all egress', () => {
    const text = denyIngress.solution!.replace('    - Ingress\n', '    - Ingress\n    - Egress\n');
    const e = result(gradeSubmission(denyIngress, text), 'prod/web', 'dev/tester', 80);
    expect(e).toMatchObject({ expected: 'allowed', actual: 'denied', reason: 'denied: egress of prod/web denied: isolated by prod/default-deny-ingress; prod/default-deny-ingress has no egress rules' });
  });

  it('ingress: [{}] allows everything instead of denying', () => {
    const text = header('default-deny-ingress', 'prod') + '  podSelector: {}\n  ingress:\n  - {}\n';
    expect(failed(gradeSubmission(denyIngress, text)).every((e) => e.expected === 'denied' && e.reason.includes('allowed by prod/default-deny-ingress spec.ingress[0]'))).toBe(true);
  });

  it('forgetting DNS after isolating egress breaks name lookups', () => {
    const text = egressExcept.solution!.split(/\n {4}- to:\n {8}- namespaceSelector/)[0] + '\n';
    expect(text).not.toContain('kube-dns');
    const e = result(gradeSubmission(egressExcept, text), 'payments/gateway', 'kube-system/coredns', 53, 'UDP');
    expect(e).toMatchObject({ expected: 'allowed', actual: 'denied' });
    expect(e.reason).toContain('spec.egress[0].to[0].ipBlock 203.0.113.0/24 does not contain destination kube-system/coredns (10.96.0.10)');
  });

  it('a wrong port names the port list that missed', () => {
    const text = fromNamespace.solution!.replace('port: 9090', 'port: 80');
    const e = result(gradeSubmission(fromNamespace, text), 'monitoring/prometheus', 'prod/web', 9090);
    expect(e.reason).toContain('port 9090/TCP is not in spec.ingress[0].ports (80/TCP)');
    expect(e.pointers[0].path).toBe('spec.ingress[0].ports');
  });

  it('a policy in the wrong namespace fails the requirements and leaves the task pods alone', () => {
    const text = fromNamespace.solution!.replace('namespace: prod', 'namespace: monitoring');
    const r = gradeSubmission(fromNamespace, text);
    expect(r.requirements).toEqual([
      { description: 'a NetworkPolicy named `allow-monitoring` in namespace `prod`', passed: false, reason: '`allow-monitoring` was submitted in namespace `monitoring`, not `prod`' },
      { description: 'every submitted NetworkPolicy is in namespace `prod`', passed: false, reason: '`monitoring/allow-monitoring` is in namespace `monitoring`' },
    ]);
    expect(result(r, 'monitoring/prometheus', 'prod/web', 9090).reason).toBe('denied: ingress of prod/web denied: isolated by prod/default-deny-ingress; prod/default-deny-ingress has no ingress rules');
  });

  it('forgetting the except lets traffic reach the excluded range', () => {
    const text = egressExcept.solution!.replace(/\n +except:\n +- 203\.0\.113\.128\/25/, '');
    expect(text).not.toBe(egressExcept.solution);
    expect(failed(gradeSubmission(egressExcept, text)).map((e) => e.to)).toEqual(['bank-internal']);
  });

  it('an empty submission fails the requirements with a clear reason', () => {
    const r = gradeSubmission(denyIngress, '   \n');
    expect(r.requirements.map((q) => q.reason)).toEqual(['no NetworkPolicy was submitted', 'no NetworkPolicy was submitted']);
  });
});

describe('gradeSubmission: predict', () => {
  const predict: TScenario = {
    ...denyIngress,
    slug: 'predict-tiny',
    kind: 'predict',
    topics: ['predict'],
    solution: undefined,
    requirements: [],
    existingPolicies: denyIngress.solution,
  };
  const answers = (cells: [string, string, number, boolean][]) =>
    `answers:\n${cells.map(([from, to, port, allowed]) => `  - { from: ${from}, to: ${to}, port: ${port}, protocol: TCP, allowed: ${allowed} }`).join('\n')}\n`;
  const truth = denyIngress.expectations.map((e) => [e.from, e.to, e.port as number, e.allowed] as [string, string, number, boolean]);

  it('passes when every cell is right', () => {
    const r = gradeSubmission(predict, answers(truth));
    expect(r).toMatchObject({ kind: 'predict', score: 1, passed: 7, total: 7, pass: true, requirements: [], lint: [] });
  });

  it('grades per cell with the engine reason for each wrong cell, and marks unanswered cells', () => {
    const wrong = truth.map((c, i) => (i === 0 ? ([c[0], c[1], c[2], !c[3]] as typeof c) : c)).slice(0, 6);
    const r = gradeSubmission(predict, answers(wrong));
    expect(r.passed).toBe(5);
    expect(r.score).toBeCloseTo(5 / 7);
    expect(failed(r).map((e) => [e.from, e.to, e.actual, e.expected])).toEqual([
      ['dev/tester', 'prod/web', 'allowed', 'denied'],
      ['prod/db', 'dev/tester', 'unanswered', 'allowed'],
    ]);
    expect(failed(r)[0].reason).toBe('denied: ingress of prod/web denied: isolated by prod/default-deny-ingress; prod/default-deny-ingress has no ingress rules');
    // the matrix shows the learner's answers and marks the wrong cell
    const g80 = r.matrix!.grids[0];
    expect(g80.cells[3][0]).toEqual({ actual: 'allowed', expected: 'denied', mismatch: true });
    expect(g80.cells[1][0]).toEqual({ actual: null });
  });

  it('reports malformed answers with their line', () => {
    const r = gradeSubmission(predict, 'answers:\n  - { from: dev/tester, to: prod/web, port: 80, allowed: maybe }\n');
    expect(r.score).toBe(0);
    expect(r.errors).toEqual([{ line: 2, column: 58, path: 'answers[0].allowed', message: 'answers[0].allowed: Required value: `true` or `false`' }]);
    expect(gradeSubmission(predict, 'cells: []\n').errors[0].path).toBe('answers');
  });

  it('parsePredictAnswers defaults the protocol to TCP and checks it', () => {
    expect(parsePredictAnswers('answers:\n  - { from: a/b, to: c/d, port: http, allowed: true }\n')).toEqual({
      answers: [{ from: 'a/b', to: 'c/d', port: 'http', protocol: 'TCP', allowed: true }],
      errors: [],
    });
    expect(parsePredictAnswers('answers:\n  - { from: a/b, to: c/d, port: 1, protocol: ICMP, allowed: true }\n').errors[0].path).toBe('answers[0].protocol');
    expect(parsePredictAnswers(`answers: []\n# ${'x'.repeat(300 * 1024)}\n`).errors[0].message).toMatch(/Too long/);
  });
});

describe('gradeSubmission: lint', () => {
  it('includes the engine lint findings with their code and line', () => {
    const text = header('gateway-egress', 'payments') + '  podSelector:\n    matchLabels:\n      app: gateway\n  policyTypes: [Ingress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 203.0.113.0/24\n';
    const r = gradeSubmission(egressExcept, text);
    expect(r.lint).toContainEqual(expect.objectContaining({ code: 'NP007-rules-ignored-by-policy-types', line: 11, column: 3, path: 'spec.egress' }));
  });

  it('lints the reference solution clean', () => {
    expect(gradeSubmission(egressExcept, egressExcept.solution!).lint).toEqual([]);
  });
});

describe('predict matrix ports', () => {
  // predict-egress-and-ingress lists ports 8080 and 80 but also asks about 9090: that flow needs a cell too.
  const predict = load('predict-egress-and-ingress');

  it('has a grid for every asked port, listed ports first', () => {
    const answers = predict.expectations.map((e) => ({ from: e.from, to: e.to, port: e.port, protocol: e.protocol, allowed: e.allowed }));
    const report = gradeSubmission(predict, JSON.stringify({ answers }));
    expect(report.matrix?.grids.map((g) => `${g.port}/${g.protocol}`)).toEqual(['8080/TCP', '80/TCP', '9090/TCP']);
    const { endpoints, grids } = report.matrix!;
    const cell = grids[2].cells[endpoints.indexOf('frontend/web')][endpoints.indexOf('backend/api')];
    expect(cell).toEqual({ actual: 'denied', expected: 'denied', mismatch: false });
  });

  it('keeps a write task to its listed ports (its expectation ports are hidden)', () => {
    const write = { ...predict, kind: 'write' as const, solution: 'x' } as TScenario;
    expect(gradeSubmission(write, '').matrix?.grids.map((g) => g.port) ?? []).not.toContain(9090);
  });
});

describe('parsePredictAnswers on hostile mappings', () => {
  it('refuses a mapping of more than 1000 keys with its line, without the quadratic unique-key scan', () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `    k${i}: ${i}`).join('\n');
    const { answers, errors } = parsePredictAnswers(`answers:\n  - from: a/b\n${keys}\n`);
    expect(answers).toEqual([]);
    expect(errors).toEqual([{ line: 2, column: 5, path: '', message: 'answers: Too many: 1002: must have at most 1000 keys in a mapping' }]);
  });

  it('still reports a repeated key as the yaml package words it', () => {
    const { errors } = parsePredictAnswers('answers:\n  - from: a/b\n    from: a/c\n');
    expect(errors.map((e) => [e.line, e.message])).toEqual([[3, expect.stringMatching(/unique/i)]]);
  });
});
