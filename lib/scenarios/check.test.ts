import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDrill, checkScenario, denyAllText, drillCandidates, proseFindings, type CheckResult } from './check';
import { loadContent } from './load-content';
import { parseScenarioYaml } from './parse-scenario';
import type { TDrill, TScenario } from './schema';

const file = (slug: string) => readFileSync(path.join(__dirname, '../../content/scenarios', `${slug}.yaml`), 'utf8');
const load = (slug: string): TScenario => parseScenarioYaml(file(slug)).content!;
const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.check}: ${f.message}`);

const denyIngress = load('default-deny-ingress');
const fromNamespace = load('allow-from-namespace');
const egressExcept = load('egress-ipblock-except');

describe('checkScenario', () => {
  it('accepts a good scenario and reports its mutation score', () => {
    const r = checkScenario(egressExcept, { fileSlug: 'egress-ipblock-except' });
    expect(errors(r)).toEqual([]);
    expect(r).toMatchObject({ slug: 'egress-ipblock-except', kind: 'write', expectations: 11, ok: true });
    expect(r.mutation).toMatchObject({ total: 13, invalid: 0, survivors: [], survivorShare: 0 });
    expect(r.mutation!.changed).toBe(r.mutation!.killed);
    expect(r.mutation!.changed + r.mutation!.equivalent + r.mutation!.invalid).toBe(r.mutation!.total);
  });

  it('reports schema errors of YAML text with their line', () => {
    const r = checkScenario(file('default-deny-ingress').replace('difficulty: 1', 'difficulty: 9'));
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'error', check: 'schema', line: 4, message: expect.stringContaining('difficulty') })]);
  });

  it('requires the slug to match the file name', () => {
    expect(errors(checkScenario(denyIngress, { fileSlug: 'other' }))).toEqual(['schema: slug `default-deny-ingress` must equal the file name `other`']);
  });

  it('finds unknown endpoints and named ports the destination does not declare', () => {
    const s: TScenario = {
      ...denyIngress,
      expectations: [
        ...denyIngress.expectations,
        { from: 'dev/nobody', to: 'prod/web', port: 80, protocol: 'TCP', allowed: false, why: 'x' },
        { from: 'dev/tester', to: 'bank', port: 80, protocol: 'TCP', allowed: true, why: 'x' },
        { from: 'dev/tester', to: 'prod/web', port: 'grpc', protocol: 'TCP', allowed: false, why: 'x' },
        { from: 'ip:300.1.1.1', to: 'prod/web', port: 80, protocol: 'TCP', allowed: false, why: 'x' },
      ],
    };
    expect(errors(checkScenario(s))).toEqual([
      'endpoints: expectations[7].from: no pod `dev/nobody` in the cluster',
      'endpoints: expectations[8].to: no external named `bank` (pods are written namespace/name, addresses ip:<addr>)',
      'endpoints: expectations[9].port: pod `prod/web` declares no TCP port named `grpc`',
      'endpoints: expectations[10].from: `ip:300.1.1.1` is not a valid IP address',
    ]);
  });

  it('needs at least 6 expectations with both outcomes', () => {
    const s = { ...denyIngress, expectations: denyIngress.expectations.filter((e) => !e.allowed) };
    expect(errors(checkScenario(s))).toEqual([
      'expectations: 5 expectations; at least 6 are needed',
      'expectations: no expectation is allowed: a deny-everything answer would pass',
      // with only denied flows, the deny-all wrong answer passes too
      expect.stringMatching(/^canonical-wrong: a deny-all \(ingress and egress\) policy in `prod` passes every expectation/),
    ]);
  });

  it('fails when the reference solution misses an expectation, with the engine reason', () => {
    const s = { ...denyIngress, solution: denyIngress.solution!.replace('    - Ingress\n', '    - Ingress\n    - Egress\n') };
    expect(errors(checkScenario(s))).toEqual([
      'solution: solution fails prod/web → dev/tester :80/TCP: expected allowed, got denied: denied: egress of prod/web denied: isolated by prod/default-deny-ingress; prod/default-deny-ingress has no egress rules',
      'solution: solution fails prod/db → dev/tester :5432/TCP: expected allowed, got denied: denied: egress of prod/db denied: isolated by prod/default-deny-ingress; prod/default-deny-ingress has no egress rules',
    ]);
  });

  it('fails when the reference solution does not validate or misses a requirement', () => {
    expect(errors(checkScenario({ ...denyIngress, solution: denyIngress.solution!.replace('- Ingress', '- Sideways') }))[0]).toMatch(/^solution: solution line 9: spec\.policyTypes\[0\]: Unsupported value: "Sideways"/);
    const renamed = { ...denyIngress, solution: denyIngress.solution!.replace('name: default-deny-ingress', 'name: deny') };
    expect(errors(checkScenario(renamed))).toEqual(['solution: solution fails requirement a NetworkPolicy named `default-deny-ingress` in namespace `prod`: no NetworkPolicy named `default-deny-ingress` in `prod` (submitted: `prod/deny`)']);
  });

  it('fails when submitting no policy passes', () => {
    // Only flows the existing default deny already decides: no policy at all passes them.
    const s = { ...fromNamespace, expectations: fromNamespace.expectations.filter((e) => !(e.from === 'monitoring/prometheus' && e.port === 9090)) };
    expect(errors(checkScenario(s))).toContain('canonical-wrong: submitting no policy at all passes every expectation');
  });

  it('fails when the namespace deny-all passes, unless denyAllIsAnswer', () => {
    const s = { ...denyIngress, expectations: denyIngress.expectations.filter((e) => !e.allowed), requirements: [] };
    const withAllowed = { ...s, expectations: [...s.expectations, { from: 'dev/tester', to: 'dev/tester', port: 80, protocol: 'TCP' as const, allowed: true, why: 'self' }] };
    expect(errors(checkScenario(withAllowed))).toEqual([expect.stringMatching(/^canonical-wrong: a deny-all/)]);
    expect(errors(checkScenario({ ...withAllowed, denyAllIsAnswer: true }))).toEqual([]);
    expect(denyAllText('prod')).toContain('policyTypes: [Ingress, Egress]');
  });

  it('fails when the starter already passes', () => {
    expect(errors(checkScenario({ ...denyIngress, starter: denyIngress.solution }))).toEqual(['starter: the starter text already passes every check']);
    expect(errors(checkScenario({ ...denyIngress, starter: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n' }))).toEqual([]);
  });

  it('fails a predict scenario whose expectation disagrees with the engine', () => {
    const predict: TScenario = { ...denyIngress, kind: 'predict', topics: ['predict'], solution: undefined, requirements: [], existingPolicies: denyIngress.solution };
    expect(errors(checkScenario(predict))).toEqual([]);
    const wrong = { ...predict, expectations: predict.expectations.map((e, i) => (i === 0 ? { ...e, allowed: true } : e)) };
    expect(errors(checkScenario(wrong))).toEqual([
      'predict: expectations[0] dev/tester → prod/web :80/TCP: says allowed but the engine says denied: denied: ingress of prod/web denied: isolated by prod/default-deny-ingress; prod/default-deny-ingress has no ingress rules',
    ]);
    expect(errors(checkScenario({ ...predict, requirements: denyIngress.requirements }))).toEqual(['predict: a predict scenario cannot have requirements (nothing is submitted)']);
    expect(checkScenario({ ...predict, topics: ['ingress'] }).findings).toEqual([expect.objectContaining({ severity: 'warning', check: 'topics' })]);
  });

  it('fails when more than 20% of connectivity-changing mutants survive, naming them', () => {
    const weak = { ...egressExcept, expectations: egressExcept.expectations.filter((e) => e.port !== 53 && e.to !== 'bank-internal') };
    const r = checkScenario(weak);
    expect(r.ok).toBe(false);
    expect(r.mutation!.survivors.map((s) => s.description)).toEqual([
      'payments/gateway-egress: drop spec.egress[1]',
      'payments/gateway-egress: drop spec.egress[1].to[0]',
      'payments/gateway-egress: spec.egress[1].to[0].podSelector.matchLabels.k8s-app `kube-dns` → `kube-dns-x`',
      'payments/gateway-egress: spec.egress[1].to[0].namespaceSelector.matchLabels.kubernetes.io/metadata.name `kube-system` → `kube-system-x`',
      'payments/gateway-egress: spec.egress[1].ports[0].port `53` → `54`',
      'payments/gateway-egress: spec.egress[1].ports[1].port `53` → `54`',
    ]);
    expect(r.mutation!.survivorShare).toBeCloseTo(6 / 12);
    expect(errors(r)).toEqual([expect.stringMatching(/^mutation: 6 of 12 mutants change connectivity yet pass every expectation \(50% > 20%\)/)]);
    // a looser threshold accepts it
    expect(checkScenario(weak, { maxSurvivorShare: 0.5 }).ok).toBe(true);
  });

  it('warns about lint findings in the reference solution', () => {
    const extra = '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: nobody\n  namespace: prod\nspec:\n  podSelector:\n    matchLabels:\n      app: nobody\n';
    const r = checkScenario({ ...denyIngress, solution: denyIngress.solution + extra });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', check: 'solution', message: expect.stringMatching(/^solution lint NP011-policy-selects-no-pods line 17: /) })]);
  });

  it('reports a broken cluster or existing policy instead of throwing', () => {
    const badPolicy = { ...fromNamespace, existingPolicies: fromNamespace.existingPolicies!.replace('- Ingress', '- Sideways') };
    expect(errors(checkScenario(badPolicy))[0]).toMatch(/^existing-policies: scenario `allow-from-namespace`: existingPolicies: line 9: /);
  });
});

describe('checkDrill', () => {
  const all = [denyIngress, fromNamespace, egressExcept];
  const drill = (d: Partial<TDrill>): TDrill => ({ slug: 'd', title: 'D', description: 'd', minutes: 10, feedback: 'end', ...d });

  it('accepts a fixed list of known scenarios and flags unknown ones', () => {
    expect(checkDrill(drill({ scenarios: ['default-deny-ingress'] }), all)).toEqual([]);
    expect(checkDrill(drill({ scenarios: ['nope'] }), all)).toEqual([expect.objectContaining({ severity: 'error', message: 'scenarios[0]: unknown scenario `nope`' })]);
  });

  it('checks that a rule can be filled', () => {
    expect(drillCandidates(drill({ rule: { count: 1, topics: ['egress'] } }), all).map((s) => s.slug)).toEqual(['egress-ipblock-except']);
    expect(drillCandidates(drill({ rule: { count: 1, maxDifficulty: 1 } }), all).map((s) => s.slug)).toEqual(['default-deny-ingress']);
    expect(checkDrill(drill({ rule: { count: 3, topics: ['egress'] } }), all)).toEqual([expect.objectContaining({ severity: 'error', message: 'rule wants 3 scenarios but only 1 match' })]);
  });

  it('warns when a fixed list far exceeds the time limit', () => {
    expect(checkDrill(drill({ minutes: 5, scenarios: ['allow-from-namespace', 'egress-ipblock-except'] }), all)).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
});

describe('proseFindings', () => {
  const base = load('default-deny-ingress');

  it('finds nothing in the library scenarios', () => {
    for (const { content } of loadContent(path.join(__dirname, '..', '..', 'content')).scenarios) expect(proseFindings(content as TScenario)).toEqual([]);
  });

  it('names the task, the explanation or the hint nested deeper than the renderer takes, with its line', () => {
    const deep = `intro\n\n${'>'.repeat(30)} quoted\n`;
    const found = proseFindings({ ...base, task: deep, explanation: 'fine', hints: ['ok', deep] });
    expect(found.map((f) => [f.message, f.line])).toEqual([
      ['task: Markdown nested deeper than 20 levels', 3],
      ['hints[1]: Markdown nested deeper than 20 levels', 3],
    ]);
  });
});
