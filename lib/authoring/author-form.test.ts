import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { canonicalJson } from '@/lib/scenarios/load-content';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { composeScenario, composedText, newScenarioForm, scenarioToForm, sectionOfFinding } from './author-form';
import { duplicateKeyOffsets, MAX_MAPPING_KEYS } from './yaml-limits';
import { validateAuthorForm } from './validate';

const scenario = (slug: string) => parseScenarioYaml(readFileSync(path.join(__dirname, '../../content/scenarios', `${slug}.yaml`), 'utf8')).content!;

describe('scenarioToForm / composeScenario', () => {
  test.each(['default-deny-ingress', 'fix-named-port', 'predict-union', 'egress-ipblock-except'])('%s: form → scenario gives the same content', (slug) => {
    const s = scenario(slug);
    const composed = composeScenario(scenarioToForm(s));
    expect(composed.sectionErrors).toEqual([]);
    expect(canonicalJson(parseScenarioYaml(composedText(composed)).content)).toBe(canonicalJson(s));
  });

  test('a YAML syntax error is reported on its section with the line inside that section', () => {
    const form = { ...scenarioToForm(scenario('default-deny-ingress')), expectations: '- from: a\n  to: [b\n' };
    const composed = composeScenario(form);
    expect(composed.sectionErrors).toHaveLength(1);
    expect(composed.sectionErrors[0].section).toBe('expectations');
    expect(composed.sectionErrors[0].line).toBeGreaterThanOrEqual(2);
    // Composing the same text again (served from the section memo) reports the error again.
    expect(composeScenario(form).sectionErrors).toEqual(composed.sectionErrors);
  });

  test('empty optional texts are left out, empty hints dropped', () => {
    const form = { ...scenarioToForm(scenario('default-deny-ingress')), starter: '  \n', hints: ['one', ' ', 'two'] };
    const doc = composeScenario(form).document;
    expect(doc.starter).toBeUndefined();
    expect(doc.hints).toEqual(['one', 'two']);
  });

  test('the new-scenario template is schema-valid', () => {
    const composed = composeScenario(newScenarioForm('my-first', 'My first'));
    const parsed = parseScenarioYaml(composedText(composed));
    expect(parsed.errors).toEqual([]);
    expect(parsed.content!.slug).toBe('my-first');
  });
});

describe('duplicate keys (linear check instead of the yaml package`s quadratic uniqueKeys)', () => {
  const base = scenarioToForm(scenario('default-deny-ingress'));
  // What the yaml package reports with uniqueKeys: true, as section errors.
  const reference = (source: string) => {
    const lc = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
    return doc.errors.map((e) => ({ section: 'cluster', message: `yaml: ${e.message.split('\n')[0]}`, line: lc.linePos(e.pos[0]).line }));
  };
  test.each([
    ['top level', 'namespaces: []\npods: []\nnamespaces: [a]\n'],
    ['nested', 'pods:\n  - name: a\n    labels:\n      app: x\n      tier: y\n      app: z\n'],
    ['flow mapping', 'pods: [{name: a, name: b}]\n'],
    ['numbers 1 and 1.0 are the same key', 'a:\n  1: x\n  1.0: y\n'],
    ['null spelled two ways', 'a:\n  ~: x\n  null: y\n'],
    ['two repeats in one mapping', 'a: 1\nb: 2\na: 3\nb: 4\n'],
    ['a repeat and a syntax error', 'a: 1\na: 2\nb: [1\n'],
  ])('%s: same errors as uniqueKeys', (_name, source) => {
    const expected = reference(source);
    expect(expected.length).toBeGreaterThan(0);
    expect(composeScenario({ ...base, cluster: source }).sectionErrors).toEqual(expected);
  });

  test.each([
    ['the string 1 and the number 1', 'a:\n  "1": x\n  1: y\n'],
    ['NaN never equals itself', 'a:\n  .nan: x\n  .NaN: y\n'],
    ['equal complex keys are compared by identity', '? [a]\n: 1\n? [a]\n: 2\n'],
    ['the same key in two mappings', 'pods:\n  - name: a\n  - name: b\n'],
  ])('%s: not a repeat, as with uniqueKeys', (_name, source) => {
    expect(reference(source)).toEqual([]);
    expect(duplicateKeyOffsets(parseDocument(source, { uniqueKeys: false }))).toEqual([]);
  });
});

describe('mappings over MAX_MAPPING_KEYS', () => {
  const base = scenarioToForm(scenario('default-deny-ingress'));
  const labels = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}k${i}: v${i}`).join('\n');

  test('in a YAML section: refused with the line of the mapping', () => {
    const cluster = base.cluster.replace(/^pods:\n/m, `pods:\n  - namespace: prod\n    name: bulky\n    labels:\n${labels(MAX_MAPPING_KEYS + 1, '      ')}\n`);
    const line = base.cluster.split('\n').findIndex((l) => l.startsWith('pods:')) + 5;
    const composed = composeScenario({ ...base, cluster });
    expect(composed.refused).toBe(true);
    expect(composed.sectionErrors).toEqual([{ section: 'cluster', message: `yaml: too many keys: a mapping has ${MAX_MAPPING_KEYS + 1} keys, must have at most ${MAX_MAPPING_KEYS}`, line }]);
  });

  test('in a policy text (any document of it): refused, and validateAuthorForm runs no check', () => {
    const policy = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: big\nspec:\n  podSelector:\n    matchLabels:\n${labels(MAX_MAPPING_KEYS + 1, '      ')}\n`;
    const solution = `${base.solution.trimEnd()}\n---\n${policy}`;
    const { validation, scenario } = validateAuthorForm({ ...base, solution });
    expect(scenario).toBeNull();
    expect(validation.findings).toEqual([]);
    expect(validation.sectionErrors).toEqual([{ section: 'solution', message: `yaml: too many keys: a mapping has ${MAX_MAPPING_KEYS + 1} keys, must have at most ${MAX_MAPPING_KEYS}`, line: base.solution.trimEnd().split('\n').length + 9 }]);
  });

  test('exactly MAX_MAPPING_KEYS keys are accepted', () => {
    const cluster = base.cluster.replace(/^pods:\n/m, `pods:\n  - namespace: prod\n    name: bulky\n    labels:\n${labels(MAX_MAPPING_KEYS, '      ')}\n`);
    const composed = composeScenario({ ...base, cluster, existingPolicies: `metadata:\n  labels:\n${labels(MAX_MAPPING_KEYS, '    ')}\n` });
    expect(composed.refused).toBe(false);
    expect(composed.sectionErrors).toEqual([]);
  });
});

describe('sectionOfFinding', () => {
  test('schema findings go to the section of their top-level field', () => {
    expect(sectionOfFinding({ check: 'schema', message: 'expectations[2].port: expected number' })).toBe('expectations');
    expect(sectionOfFinding({ check: 'schema', message: 'cluster.pods[0].ip: must be an IPv4 or IPv6 address' })).toBe('cluster');
    expect(sectionOfFinding({ check: 'schema', message: 'title: required field is missing' })).toBe('metadata');
  });
  test('check findings go to the section they are about', () => {
    expect(sectionOfFinding({ check: 'solution', message: 'solution fails a → b' })).toBe('solution');
    expect(sectionOfFinding({ check: 'mutation', message: '3 of 9 mutants' })).toBe('expectations');
    expect(sectionOfFinding({ check: 'existing-policies', message: 'x' })).toBe('existingPolicies');
    expect(sectionOfFinding({ check: 'endpoints', message: 'ports: no pod declares a port named `x`' })).toBe('ports');
  });
});
