/**
 * Golden files for `kubectl describe networkpolicy` output: every `cases/<name>.yaml` is described (namespace
 * default `default`, no creation time) and compared with `cases/<name>.txt`. `UPDATE_GOLDEN=1` rewrites them;
 * reviewers compare the diff with kubectl's describer (kubernetes/kubectl pkg/describe/describe.go).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePolicies } from '@/lib/netpol';
import { describePolicies } from '@/lib/netpol/describe';
import { expectGolden, listCases } from '../golden';

const DIR = path.join(__dirname, 'cases');
const cases = listCases(DIR);

describe('describe goldens', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
  it.each(cases)('%s', (file) => {
    const r = parsePolicies(readFileSync(path.join(DIR, file), 'utf8'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.policies.length).toBeGreaterThan(0);
    const actual = describePolicies(r.policies);
    expectGolden(DIR, file, actual);
  });
});
