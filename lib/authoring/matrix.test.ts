import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate } from '@/lib/netpol';
import { applySubmission } from '@/lib/scenarios/apply';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import type { TScenario } from '@/lib/scenarios/schema';
import { buildAuthorMatrix, flowKey, toggleExpectationYaml, type TAuthorMatrix } from './matrix';

const scenario = (slug: string): TScenario => parseScenarioYaml(readFileSync(path.join(__dirname, '../../content/scenarios', `${slug}.yaml`), 'utf8')).content!;

function ok(m: ReturnType<typeof buildAuthorMatrix>): TAuthorMatrix {
  if ('error' in m) throw new Error(m.error);
  return m;
}

describe('buildAuthorMatrix', () => {
  test('every cell is the engine verdict on the reference solution, and expectations sit on their cells', () => {
    const s = scenario('default-deny-ingress');
    const m = ok(buildAuthorMatrix(s));
    expect(m.source).toBe('solution');
    const model = applySubmission(s, s.solution!).model;
    let seen = 0;
    for (const g of m.grids) {
      m.endpoints.forEach((from, i) =>
        m.endpoints.forEach((to, j) => {
          const cell = g.cells[i][j];
          expect(cell.self).toBe(i === j);
          if (cell.allowed !== null) expect(cell.allowed).toBe(evaluate(model, { from, to, port: g.port, protocol: g.protocol }).allowed);
          if (cell.expectation !== null) {
            seen++;
            expect(flowKey(s.expectations[cell.expectation])).toBe(flowKey({ from, to, port: g.port, protocol: g.protocol }));
          }
        }),
      );
    }
    expect(seen).toBe(s.expectations.length);
    expect(m.offMatrix).toEqual([]);
  });

  test('a predict scenario shows the existing policies', () => {
    expect(ok(buildAuthorMatrix(scenario('predict-union'))).source).toBe('existing-policies');
  });

  test('a named-port column is null where the destination lacks that port', () => {
    const s = scenario('default-deny-ingress');
    const m = ok(buildAuthorMatrix({ ...s, ports: [{ port: 'postgres', protocol: 'TCP' }] }));
    const db = m.endpoints.indexOf('prod/db');
    const web = m.endpoints.indexOf('prod/web');
    expect(m.grids[0].cells[0][db].allowed).not.toBeNull();
    expect(m.grids[0].cells[0][web].allowed).toBeNull();
  });

  test('an invalid reference solution gives an error instead of a matrix', () => {
    const s = scenario('default-deny-ingress');
    const m = buildAuthorMatrix({ ...s, solution: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: {podSelector: 7}\n' });
    expect('error' in m).toBe(true);
  });
});

describe('toggleExpectationYaml', () => {
  const flow = { from: 'a/x', to: 'b/y', port: 80, protocol: 'TCP' as const, allowed: true };

  test('adds the flow with the verdict and the why, then removes it on the second click', () => {
    const first = toggleExpectationYaml('- {from: c/z, to: b/y, port: 80, protocol: TCP, allowed: false, why: no}\n', flow, 'frontend may call the api');
    if ('error' in first) throw new Error(first.error);
    expect(first.added).toBe(true);
    expect(parse(first.yaml)).toEqual([
      { from: 'c/z', to: 'b/y', port: 80, protocol: 'TCP', allowed: false, why: 'no' },
      { from: 'a/x', to: 'b/y', port: 80, protocol: 'TCP', allowed: true, why: 'frontend may call the api' },
    ]);
    const second = toggleExpectationYaml(first.yaml, flow);
    if ('error' in second) throw new Error(second.error);
    expect(second.added).toBe(false);
    expect(parse(second.yaml)).toHaveLength(1);
  });

  test('an expectation without protocol counts as TCP', () => {
    const r = toggleExpectationYaml('- {from: a/x, to: b/y, port: 80, allowed: true, why: w}\n', flow);
    expect('error' in r ? r.error : r.added).toBe(false);
  });

  test('adding needs a why; broken YAML is refused', () => {
    expect(toggleExpectationYaml('', flow, '  ')).toEqual({ error: 'an expectation needs a one-line why' });
    expect('error' in toggleExpectationYaml('- [', flow, 'w')).toBe(true);
    expect(toggleExpectationYaml('from: a', flow, 'w')).toEqual({ error: 'the expectations must be a YAML list' });
    expect('error' in toggleExpectationYaml('- *nowhere\n', flow, 'w')).toBe(true);
  });
});
