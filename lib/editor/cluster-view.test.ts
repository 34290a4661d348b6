import type { EditorCluster } from './complete';
import { describeFlow, formatFlow, formatLabels, namespaceRows, podRows } from './cluster-view';

const cluster: EditorCluster = {
  namespaces: [{ name: 'prod', labels: { env: 'prod' } }, { name: 'dev', labels: {} }],
  pods: [
    { namespace: 'prod', name: 'web', labels: { tier: 'fe', app: 'web' }, ip: '10.1.0.10', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
    { namespace: 'dev', name: 'tester', labels: {}, ip: '10.2.0.10', ports: [] },
  ],
  externals: [],
};

describe('cluster view', () => {
  it('formats labels sorted by key like kubectl', () => {
    expect(formatLabels({ tier: 'fe', app: 'web' })).toBe('app=web,tier=fe');
    expect(formatLabels({})).toBe('<none>');
  });
  it('namespace rows include kubernetes.io/metadata.name, sorted by name', () => {
    expect(namespaceRows(cluster)).toEqual([
      { name: 'dev', status: 'Active', labels: 'kubernetes.io/metadata.name=dev' },
      { name: 'prod', status: 'Active', labels: 'env=prod,kubernetes.io/metadata.name=prod' },
    ]);
  });
  it('pod rows sorted by namespace, with ports and labels', () => {
    const rows = podRows(cluster);
    expect(rows.map((r) => r.name)).toEqual(['tester', 'web']);
    expect(rows[1]).toMatchObject({ ip: '10.1.0.10', ports: '80/TCP (http)', labels: 'app=web,tier=fe', status: 'Running' });
    expect(rows[0].ports).toBe('<none>');
  });
  it('formats flows', () => {
    expect(formatFlow({ from: 'prod/web', to: 'prod/db', port: 5432, protocol: 'TCP' })).toBe('prod/web → prod/db :5432/TCP');
    expect(formatFlow({ from: 'bank-api', to: 'prod/web', port: 'http' })).toBe('bank-api → prod/web :http/TCP');
    expect(describeFlow({ from: 'a/b', to: 'c/d', port: 53, protocol: 'UDP' })).toBe('from a/b to c/d on port 53 UDP');
  });
});
