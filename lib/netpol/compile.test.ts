import { compile, podsMatchingPeer, selectPods } from './compile';
import { modelWith, np, testCluster } from './test-helpers';

const names = (m: ReturnType<typeof modelWith>, idxs: number[]) => idxs.map((i) => `${m.cluster.pods[i].namespace}/${m.cluster.pods[i].name}`);

describe('compile', () => {
  it('computes each policy’s selected pods once, in its own namespace only', () => {
    const m = modelWith(np('a', 'prod', 'podSelector: {matchLabels: {app: web}}') + '---\n' + np('b', 'dev', 'podSelector: {}'));
    expect(names(m, m.policies[0].selected)).toEqual(['prod/web']);
    expect(names(m, m.policies[1].selected)).toEqual(['dev/web', 'dev/tool']);
  });

  it('keeps per-pod lists of isolating policies per direction', () => {
    const m = modelWith(
      np('in', 'prod', 'podSelector: {}\npolicyTypes: [Ingress]') + '---\n' + np('out', 'prod', 'podSelector: {matchLabels: {app: db}}\npolicyTypes: [Egress]'),
    );
    const db = m.podIndex.get('prod/db')!;
    const web = m.podIndex.get('prod/web')!;
    expect(m.ingressPolicies[db]).toEqual([0]);
    expect(m.egressPolicies[db]).toEqual([1]);
    expect(m.egressPolicies[web]).toEqual([]);
  });

  it('decides tagged unions once: peers, ports, empty lists', () => {
    const m = modelWith(
      np(
        'p',
        'prod',
        'podSelector: {}\ningress:\n- from: [{podSelector: {}}, {namespaceSelector: {}}, {ipBlock: {cidr: 10.0.0.9/8}}]\n  ports: [{port: 80}, {port: http}, {port: 1, endPort: 9}, {protocol: UDP}]\n- from: []\n  ports: []',
      ),
    );
    const [r0, r1] = m.policies[0].ingress;
    expect(r0.peers?.map((p) => p.kind)).toEqual(['pods', 'pods', 'ipBlock']);
    expect(r0.peers?.[0]).toEqual(expect.objectContaining({ namespaces: { kind: 'same', namespace: 'prod' }, pods: { kind: 'all' } }));
    expect(r0.peers?.[1]).toEqual(expect.objectContaining({ namespaces: { kind: 'selector', selector: { kind: 'all' } } }));
    expect(r0.peers?.[2]).toEqual(expect.objectContaining({ cidr: expect.objectContaining({ text: '10.0.0.0/8', prefix: 8 }) }));
    expect(r0.ports?.map((p) => p.kind)).toEqual(['number', 'named', 'range', 'any-port']);
    expect(r1.peers).toBeNull();
    expect(r1.ports).toBeNull();
    expect(r0.line).toBe(7);
  });

  it('normalizes a hand-built cluster (namespace labels, TCP)', () => {
    const m = compile({ namespaces: [], pods: [{ namespace: 'a', name: 'p', labels: {}, ip: '10.0.0.1', ports: [] }], externals: [] }, []);
    expect(m.namespaceLabels.get('a')).toEqual({ 'kubernetes.io/metadata.name': 'a' });
  });

  it('throws on a pod IP that validation would have refused (a broken invariant)', () => {
    expect(() => compile({ namespaces: [], pods: [{ namespace: 'a', name: 'p', labels: {}, ip: 'nope', ports: [] }], externals: [] }, [])).toThrow(/invalid IP/);
  });
});

describe('selectPods / podsMatchingPeer (for lint and the UI)', () => {
  const m = compile(testCluster(), []);
  it('selects with the label index', () => {
    expect(names(m, selectPods(m, 'prod', { matchLabels: { tier: 'back' } }))).toEqual(['prod/api', 'prod/db']);
    expect(names(m, selectPods(m, 'prod', { matchLabels: { tier: 'back', app: 'db' } }))).toEqual(['prod/db']);
    expect(selectPods(m, 'prod', { matchLabels: { app: 'nope' } })).toEqual([]);
    expect(selectPods(m, 'nowhere', {})).toEqual([]);
  });
  it('matches peers like evaluation does', () => {
    expect(names(m, podsMatchingPeer(m, 'prod', { podSelector: { matchLabels: { app: 'web' } } }))).toEqual(['prod/web']);
    expect(names(m, podsMatchingPeer(m, 'prod', { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }))).toEqual(['prod/web', 'dev/web']);
    expect(names(m, podsMatchingPeer(m, 'prod', { ipBlock: { cidr: '10.0.2.0/24' } }))).toEqual(['dev/web', 'dev/tool']);
  });
});
