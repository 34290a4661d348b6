import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseCluster } from './cluster';
import { compile } from './compile';
import { evaluate } from './evaluate';
import { parsePolicies } from './policies';
import { testCluster } from './test-helpers';

/** User mistakes are values, never exceptions: arbitrary input yields diagnostics, not throws. */
describe('robustness', () => {
  it('parsePolicies never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parsePolicies(text);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const jsonish = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, 0, -1, 80, 70000, 1.5, '', 'TCP', 'Ingress', 'Egress', 'In', 'Exists', '10.0.0.0/8', 'http', 'a/b', 'app'),
      fc.string({ maxLength: 8 }),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('podSelector', 'namespaceSelector', 'ipBlock', 'cidr', 'except', 'from', 'to', 'ports', 'port', 'endPort', 'protocol', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values', 'ingress', 'egress', 'policyTypes', 'x'), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('validation never throws on arbitrary NetworkPolicy-shaped objects, and valid results compile and evaluate', () => {
    const model0 = testCluster();
    fc.assert(
      fc.property(jsonish, jsonish, (spec, meta) => {
        const doc = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'prod', ...(typeof meta === 'object' && meta && !Array.isArray(meta) ? meta : {}) }, spec };
        const r = parsePolicies(stringify(doc));
        if (r.policies.length > 0) {
          const m = compile(model0, r.policies);
          const v = evaluate(m, { from: 'prod/web', to: 'prod/db', port: 5432 });
          expect(typeof v.allowed).toBe('boolean');
        } else {
          expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parseCluster never throws on arbitrary objects', () => {
    fc.assert(
      fc.property(jsonish, (v) => {
        const input = { pods: v, namespaces: v, externals: v };
        const r = parseCluster(input);
        expect(r.cluster !== null || r.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
