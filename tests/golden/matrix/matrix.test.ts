/**
 * Golden files for reachability matrices in the upstream e2e grid format: every `cases/<name>.yaml`
 * ({cluster, policies, endpoints?, matrices: [{port, protocol?}]}) is rendered with renderMatrix and compared
 * with `cases/<name>.txt`. `UPDATE_GOLDEN=1` rewrites the goldens; reviewers read the diff. Each matrix is
 * also checked cell by cell against evaluate(), so a golden can only hold what the evaluator decides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate, matrixToJson, reachability, renderMatrix, type Protocol } from '@/lib/netpol';
import { compileCase, expectGolden, listCases } from '../golden';

const DIR = path.join(__dirname, 'cases');
const cases = listCases(DIR);

function render(file: string): string {
  const spec = parse(readFileSync(path.join(DIR, file), 'utf8')) as { cluster: object; policies: string; endpoints?: string[]; matrices: { port: number | string; protocol?: Protocol }[] };
  const { cluster, model } = compileCase(spec);
  const endpoints = spec.endpoints ?? cluster.pods.map((x) => `${x.namespace}/${x.name}`);
  return spec.matrices.map(({ port, protocol }) => {
    const m = reachability(model, endpoints, port, protocol ?? 'TCP');
    endpoints.forEach((from, i) => endpoints.forEach((to, j) => {
      expect([from, to, m.allowed[i][j]]).toEqual([from, to, evaluate(model, { from, to, port, protocol }).allowed]);
    }));
    expect(Object.values(matrixToJson(m).allowed).flatMap((r) => Object.values(r))).toEqual(m.allowed.flat());
    return `port ${port}/${protocol ?? 'TCP'}\n${renderMatrix(m)}\n`;
  }).join('\n');
}

describe('matrix goldens', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });
  it.each(cases)('%s', (file) => {
    expectGolden(DIR, file, render(file));
  });
});
