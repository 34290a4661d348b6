/**
 * Golden files for lint findings: every `cases/<name>.yaml` is linted against `cluster.yaml` with task
 * namespace `shop`, and the findings (`line:column code message`) are compared with `cases/<name>.txt`.
 * `UPDATE_GOLDEN=1` rewrites them; reviewers read the diff.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCluster, parsePolicies } from '@/lib/netpol';
import { lintPolicies } from '@/lib/netpol/lint';
import { expectGolden, listCases } from '../golden';

const DIR = path.join(__dirname, 'cases');
const cases = listCases(DIR);

describe('lint goldens', () => {
  const { cluster, diagnostics } = parseCluster(readFileSync(path.join(__dirname, 'cluster.yaml'), 'utf8'));
  it('has a valid cluster and cases', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });
  it.each(cases)('%s', (file) => {
    const r = parsePolicies(readFileSync(path.join(DIR, file), 'utf8'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const findings = lintPolicies(r.policies, { cluster: cluster!, taskNamespace: 'shop' });
    const actual = findings.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}\n`).join('');
    expectGolden(DIR, file, actual);
  });
});
