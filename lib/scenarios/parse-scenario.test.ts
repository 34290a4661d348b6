import { parseDrillYaml, parseScenarioYaml } from './parse-scenario';

const base = `slug: tiny
title: Tiny
kind: write
difficulty: 1
timeMinutes: 3
topics: [default-deny]
namespace: prod
task: Create a policy.
cluster:
  namespaces:
    - { name: prod }
  pods:
    - { namespace: prod, name: web, labels: { app: web }, ip: 10.0.0.1 }
expectations:
  - { from: prod/web, to: prod/web, port: 80, allowed: true, why: self }
solution: |
  kind: NetworkPolicy
explanation: Because.
hints: [Think.]
`;

describe('parseScenarioYaml', () => {
  it('accepts a minimal scenario and fills defaults', () => {
    const r = parseScenarioYaml(base);
    expect(r.errors).toEqual([]);
    expect(r.content?.expectations[0].protocol).toBe('TCP');
    expect(r.content?.requirements).toEqual([]);
    expect(r.content?.denyAllIsAnswer).toBe(false);
    expect(r.content?.cluster.namespaces[0].labels).toEqual({});
    expect(r.content?.cluster.pods[0].ports).toEqual([]);
  });

  it('reports an unknown key with its path and line', () => {
    const r = parseScenarioYaml(base.replace('hints: [Think.]', 'hint: [Think.]'));
    expect(r.content).toBeNull();
    const e = r.errors.find((x) => x.message.startsWith('unknown field'));
    expect(e).toMatchObject({ path: 'hint', line: 19, column: 1 });
    expect(e?.message).toContain('did you mean `hints`');
  });

  it('reports a nested unknown key at its own line', () => {
    const r = parseScenarioYaml(base.replace('{ from: prod/web, to: prod/web,', '{ from: prod/web, to: prod/web, proto: UDP,'));
    expect(r.errors).toEqual([expect.objectContaining({ path: 'expectations[0].proto', line: 15 })]);
  });

  it('rejects a non-string label value with a hint to quote it', () => {
    const r = parseScenarioYaml(base.replace('labels: { app: web }', 'labels: { tier: 1 }'));
    expect(r.errors[0].path).toBe('cluster.pods[0].labels.tier');
    expect(r.errors[0].message).toContain('quote');
  });

  it('reports a missing required field', () => {
    const r = parseScenarioYaml(base.replace('title: Tiny\n', ''));
    expect(r.errors).toEqual([expect.objectContaining({ path: 'title', message: expect.stringContaining('required') })]);
  });

  it('reports enum values in the message', () => {
    const r = parseScenarioYaml(base.replace('kind: write', 'kind: quiz'));
    expect(r.errors[0]).toMatchObject({ path: 'kind', line: 3 });
    expect(r.errors[0].message).toContain('`predict`');
  });

  it('rejects an unknown topic and difficulty out of range', () => {
    const r = parseScenarioYaml(base.replace('[default-deny]', '[default-denny]').replace('difficulty: 1', 'difficulty: 4'));
    expect(r.errors.map((e) => e.path).sort()).toEqual(['difficulty', 'topics[0]']);
  });

  it('requires a solution for write and forbids one for predict', () => {
    expect(parseScenarioYaml(base.replace(/solution: \|\n {2}kind: NetworkPolicy\n/, '')).errors[0]).toMatchObject({ path: 'solution' });
    const predict = parseScenarioYaml(base.replace('kind: write', 'kind: predict'));
    expect(predict.errors.map((e) => e.path).sort()).toEqual(['existingPolicies', 'solution']);
  });

  it('rejects a task namespace missing from the cluster', () => {
    expect(parseScenarioYaml(base.replace('namespace: prod\ntask', 'namespace: shop\ntask')).errors[0]).toMatchObject({ path: 'namespace' });
  });

  it('rejects duplicate expectations', () => {
    const dup = base.replace('expectations:\n', 'expectations:\n  - { from: prod/web, to: prod/web, port: 80, allowed: true, why: self }\n');
    expect(parseScenarioYaml(dup).errors[0].message).toContain('duplicate expectation');
  });

  it('rejects an unknown requirement type', () => {
    const r = parseScenarioYaml(base.replace('expectations:', 'requirements:\n  - { type: policy-named, name: x }\nexpectations:'));
    expect(r.errors[0].path).toBe('requirements[0].type');
  });

  it('reports YAML syntax errors with a line', () => {
    const r = parseScenarioYaml('slug: a\n  title: : b\n');
    expect(r.content).toBeNull();
    expect(r.errors[0].message).toMatch(/^yaml: /);
    expect(r.errors[0].line).toBeGreaterThan(0);
  });

  it('rejects a document that is not a mapping', () => {
    expect(parseScenarioYaml('- a\n- b\n').errors[0].message).toContain('mapping');
  });
});

describe('parseDrillYaml', () => {
  const drill = 'slug: d\ntitle: D\ndescription: x\nminutes: 10\nscenarios: [a, b]\n';
  it('accepts a fixed list and defaults feedback to end', () => {
    expect(parseDrillYaml(drill).content).toMatchObject({ feedback: 'end', scenarios: ['a', 'b'] });
  });
  it('accepts a rule', () => {
    const r = parseDrillYaml(drill.replace('scenarios: [a, b]', 'rule: { count: 3, topics: [egress] }'));
    expect(r.content?.rule).toEqual({ count: 3, topics: ['egress'] });
  });
  it('needs exactly one of scenarios or rule', () => {
    expect(parseDrillYaml(drill + 'rule: { count: 3 }\n').errors[0].message).toContain('exactly one');
    expect(parseDrillYaml(drill.replace('scenarios: [a, b]\n', '')).errors[0].message).toContain('exactly one');
  });
});
