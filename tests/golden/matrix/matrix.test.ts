/**
 * Golden files for reachability matrices in the upstream e2e grid format: every `cases/<name>.yaml`
 * ({cluster, policies, endpoints?, matrices: [{port, protocol?}]}) is rendered with renderMatrix and compared
 * with `cases/<name>.txt`. `UPDATE_GOLDEN=1` rewrites the goldens; reviewers read the diff. Each matrix is
 * also checked cell by cell against evaluate(), so a golden can only hold what the evaluator decides.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compile, evaluate, matrixToJson, parseCluster, parsePolicies, reachability, renderMatrix, type Protocol } from '@/lib/netpol';

const DIR = path.join(__dirname, 'cases');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

function render(file: string): string {
  const spec = parse(readFileSync(path.join(DIR, file), 'utf8')) as { cluster: object; policies: string; endpoints?: string[]; matrices: { port: number | string; protocol?: Protocol }[] };
  const c = parseCluster(spec.cluster);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const p = parsePolicies(spec.policies ?? '');
  expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const model = compile(c.cluster!, p.policies);
  const endpoints = spec.endpoints ?? c.cluster!.pods.map((x) => `${x.namespace}/${x.name}`);
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
    const actual = render(file);
    const golden = path.join(DIR, file.replace(/\.yaml$/, '.txt'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    if (!existsSync(golden)) throw new Error(`missing golden ${golden}: run with UPDATE_GOLDEN=1 and review it`);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
