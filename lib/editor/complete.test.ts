import { completeAt, type EditorCluster } from './complete';

const cluster: EditorCluster = {
  namespaces: [
    { name: 'prod', labels: { env: 'prod' } },
    { name: 'dev', labels: { env: 'dev' } },
  ],
  pods: [
    { namespace: 'prod', name: 'web', labels: { app: 'web' }, ip: '10.1.0.10', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
    { namespace: 'prod', name: 'db', labels: { app: 'db', tier: 'data' }, ip: '10.1.0.12', ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }] },
    { namespace: 'dev', name: 'tester', labels: { app: 'tester' }, ip: '10.2.0.10', ports: [] },
  ],
  externals: [{ name: 'bank-api', ip: '203.0.113.10' }],
};

function complete(src: string, opts: { defaultNamespace?: string } = {}) {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  return completeAt(text, offset, cluster, opts);
}
const labels = (src: string, opts?: { defaultNamespace?: string }) => complete(src, opts)?.options.map((o) => o.label) ?? null;

describe('completeAt: field names at the cursor path', () => {
  it('offers top-level fields', () => {
    expect(labels('|')).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
  it('offers spec fields and leaves out those already written', () => {
    expect(labels('spec:\n  podSelector: {}\n  |')).toEqual(['policyTypes', 'ingress', 'egress']);
  });
  it('offers rule fields inside an ingress item', () => {
    expect(labels('spec:\n  ingress:\n  - |')).toEqual(['from', 'ports']);
  });
  it('offers peer fields inside from[]', () => {
    expect(labels('spec:\n  ingress:\n  - from:\n    - |')).toEqual(['podSelector', 'namespaceSelector', 'ipBlock']);
  });
  it('offers port fields', () => {
    expect(labels('spec:\n  egress:\n  - ports:\n    - port: 53\n      |')).toEqual(['protocol', 'endPort']);
  });
  it('inserts a new line and indentation for a mapping, a dash for a sequence', () => {
    const opts = complete('spec:\n  |')?.options ?? [];
    expect(opts.find((o) => o.label === 'podSelector')?.apply).toBe('podSelector:\n    ');
    expect(opts.find((o) => o.label === 'ingress')?.apply).toBe('ingress:\n  - ');
    expect(complete('metadata:\n  |')?.options.find((o) => o.label === 'name')?.apply).toBe('name: ');
  });
  it('reports the start of the replaced word', () => {
    expect(complete('spec:\n  ing|')?.from).toBe('spec:\n  '.length);
  });
  it('gives docs as info', () => {
    expect(complete('spec:\n  |')?.options.find((o) => o.label === 'policyTypes')?.info).toMatch(/Ingress and\/or Egress/);
  });
  it('offers nothing under an unknown field', () => {
    expect(complete('spec:\n  ingres:\n  - |')).toBeNull();
  });
});

describe('completeAt: values', () => {
  it('policyTypes items', () => {
    expect(labels('spec:\n  policyTypes:\n  - |')).toEqual(['Ingress', 'Egress']);
  });
  it('policyTypes in a flow sequence', () => {
    expect(labels('spec:\n  policyTypes: [Ingress, |')).toEqual(['Ingress', 'Egress']);
  });
  it('policyTypes written inline becomes a flow sequence', () => {
    expect(complete('spec:\n  policyTypes: |')?.options[0].apply).toBe('[Ingress]');
  });
  it('protocols', () => {
    expect(labels('spec:\n  ingress:\n  - ports:\n    - protocol: |')).toEqual(['TCP', 'UDP', 'SCTP']);
  });
  it('matchExpressions operators', () => {
    expect(labels('spec:\n  podSelector:\n    matchExpressions:\n    - key: app\n      operator: |')).toEqual(['In', 'NotIn', 'Exists', 'DoesNotExist']);
  });
  it('namespace names for metadata.namespace', () => {
    expect(labels('metadata:\n  namespace: |')).toEqual(['prod', 'dev']);
  });
  it('pod label keys for matchLabels keys (only the policy namespace for spec.podSelector)', () => {
    expect(labels('metadata:\n  namespace: prod\nspec:\n  podSelector:\n    matchLabels:\n      |')).toEqual(['app', 'tier']);
    expect(labels('spec:\n  podSelector:\n    matchLabels:\n      |', { defaultNamespace: 'dev' })).toEqual(['app']);
  });
  it('pod label values for the key being written', () => {
    expect(labels('spec:\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: |')).toEqual(['db', 'tester', 'web']);
  });
  it('namespace label keys include kubernetes.io/metadata.name', () => {
    expect(labels('spec:\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          |')).toEqual(['env', 'kubernetes.io/metadata.name']);
  });
  it('namespace label values for kubernetes.io/metadata.name', () => {
    expect(labels('spec:\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: |')).toEqual(['dev', 'prod']);
  });
  it('label values in a flow map', () => {
    expect(labels('spec:\n  podSelector:\n    matchLabels: {tier: |', { defaultNamespace: 'prod' })).toEqual(['data']);
  });
  it('label values of matchExpressions use the sibling key', () => {
    expect(labels('spec:\n  podSelector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values:\n      - |', { defaultNamespace: 'prod' })).toEqual(['db', 'web']);
  });
  it('ports: numbers and named ports from the cluster', () => {
    expect(labels('spec:\n  ingress:\n  - ports:\n    - port: |')).toEqual(['80', '5432', 'http', 'postgres']);
  });
  it('cidr: externals and pod IPs as /32', () => {
    const opts = complete('spec:\n  egress:\n  - to:\n    - ipBlock:\n        cidr: |')?.options ?? [];
    expect(opts[0]).toMatchObject({ label: '203.0.113.10/32', detail: 'bank-api' });
    expect(opts.map((o) => o.label)).toContain('10.1.0.10/32');
  });
  it('kind and apiVersion', () => {
    expect(labels('kind: |')).toEqual(['NetworkPolicy']);
    expect(labels('apiVersion: |')).toEqual(['networking.k8s.io/v1']);
  });
  it('free text (metadata.name) offers nothing', () => {
    expect(complete('metadata:\n  name: |')).toBeNull();
  });
  it('works without a cluster', () => {
    const text = 'spec:\n  podSelector:\n    matchLabels:\n      ';
    expect(completeAt(text, text.length, null)?.options).toEqual([]);
  });
});
