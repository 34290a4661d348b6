import { liveDiagnostics } from './live-diagnostics';

const cluster = {
  namespaces: [{ name: 'prod', labels: { env: 'prod' } }],
  pods: [{ namespace: 'prod', name: 'web', labels: { app: 'web' }, ip: '10.1.0.10', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] }],
  externals: [],
};

describe('liveDiagnostics', () => {
  it('is empty for an empty editor', () => {
    expect(liveDiagnostics('  \n', { cluster, taskNamespace: 'prod' })).toEqual([]);
  });
  it('reports validation errors at their line', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n';
    const d = liveDiagnostics(text, { cluster, taskNamespace: 'prod' });
    const err = d.find((x) => x.severity === 'error');
    expect(err?.line).toBe(9);
    expect(err?.message).toMatch(/70000/);
  });
  it('reports YAML syntax errors with a line', () => {
    const d = liveDiagnostics('spec:\n  podSelector: {\n', { cluster, taskNamespace: 'prod' });
    expect(d.some((x) => x.severity === 'error' && typeof x.line === 'number')).toBe(true);
  });
  it('has no errors for a valid policy', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';
    expect(liveDiagnostics(text, { cluster, taskNamespace: 'prod' }).filter((x) => x.severity === 'error')).toEqual([]);
  });
  it('adds lint findings as warnings with their code and line, using the cluster', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: dev\nspec:\n  podSelector:\n    matchLabels: {app: nosuch}\n  policyTypes: [Ingress]\n';
    const d = liveDiagnostics(text, { cluster, taskNamespace: 'prod' });
    const codes = d.filter((x) => x.severity === 'warning').map((x) => x.code);
    expect(codes).toContain('NP008-namespace-not-task');
    expect(codes).toContain('NP011-policy-selects-no-pods');
    expect(d.find((x) => x.code === 'NP008-namespace-not-task')?.line).toBe(5);
  });
});
