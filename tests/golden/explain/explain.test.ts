/**
 * Golden files for verdict explanations: every `cases/<name>.yaml` ({cluster, policies, probes}) is evaluated
 * and each probe's explainVerdict + summarizeVerdict text is compared with `cases/<name>.txt`.
 * `UPDATE_GOLDEN=1` rewrites the goldens; reviewers read the diff. A missing golden fails the test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate, explainVerdict, summarizeVerdict, type Probe } from '@/lib/netpol';
import { compileCase, expectGolden, listCases } from '../golden';

const DIR = path.join(__dirname, 'cases');
const cases = listCases(DIR);

function render(file: string): string {
  const spec = parse(readFileSync(path.join(DIR, file), 'utf8')) as { cluster: object; policies: string; probes: Probe[] };
  const { model } = compileCase(spec);
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
    expectGolden(DIR, file, render(file));
  });
});
