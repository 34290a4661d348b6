/**
 * Golden files for verdict explanations: every `cases/<name>.yaml` ({cluster, policies, probes}) is evaluated
 * and each probe's explainVerdict + summarizeVerdict text is compared with `cases/<name>.txt`.
 * `UPDATE_GOLDEN=1` rewrites the goldens; reviewers read the diff. A missing golden fails the test.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compile, evaluate, explainVerdict, parseCluster, parsePolicies, summarizeVerdict, type Probe } from '@/lib/netpol';

const DIR = path.join(__dirname, 'cases');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

function render(file: string): string {
  const spec = parse(readFileSync(path.join(DIR, file), 'utf8')) as { cluster: object; policies: string; probes: Probe[] };
  const c = parseCluster(spec.cluster);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const p = parsePolicies(spec.policies ?? '');
  expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const model = compile(c.cluster!, p.policies);
  return spec.probes.map((probe) => {
    const v = evaluate(model, probe);
    return `${explainVerdict(v)}\nsummary: ${summarizeVerdict(v)}\n`;
  }).join('\n');
}

describe('explanation goldens', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });
  it.each(cases)('%s', (file) => {
    const actual = render(file);
    const golden = path.join(DIR, file.replace(/\.yaml$/, '.txt'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    if (!existsSync(golden)) throw new Error(`missing golden ${golden}: run with UPDATE_GOLDEN=1 and review it`);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
