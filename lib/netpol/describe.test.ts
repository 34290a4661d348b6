import { describePolicies, describePolicy, describePolicyJson, formatGoTimeUtc, tabwrite } from './describe';
import { parsePolicies } from './policies';

/** The policy of kubectl's TestDescribeNetworkPolicies (pkg/describe/describe_test.go), as YAML. */
const UPSTREAM_POLICY = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: network-policy-1
  namespace: default
spec:
  podSelector:
    matchLabels: {id1: app1, id2: app2}
    matchExpressions:
    - {key: foo, operator: In, values: [bar1, bar2]}
    - {key: foo2, operator: NotIn, values: [bar1, bar2]}
  ingress:
  - ports:
    - port: 80
    - port: 82
      protocol: TCP
    from:
    - podSelector: {matchLabels: {id: pod1, id2: pod2}}
      namespaceSelector: {matchLabels: {id: ns1, id2: ns2}}
    - podSelector: {matchLabels: {id: app2, id2: app3}}
    - namespaceSelector: {matchLabels: {id: app2, id2: app3}}
    - namespaceSelector:
        matchLabels: {id: app2, id2: app3}
        matchExpressions: [{key: foo, operator: In, values: [bar1, bar2]}]
    - ipBlock: {cidr: 192.168.0.0/16, except: [192.168.3.0/24, 192.168.4.0/24]}
  - {}
  EGRESS
  policyTypes: [Ingress, Egress]
`;

const EGRESS_FULL = `egress:
  - ports:
    - port: 80
    - port: 82
      protocol: TCP
    to:
    - podSelector: {matchLabels: {id: pod1, id2: pod2}}
      namespaceSelector: {matchLabels: {id: ns1, id2: ns2}}
    - podSelector: {matchLabels: {id: app2, id2: app3}}
    - namespaceSelector: {matchLabels: {id: app2, id2: app3}}
    - namespaceSelector:
        matchLabels: {id: app2, id2: app3}
        matchExpressions: [{key: foo, operator: In, values: [bar1, bar2]}]
    - ipBlock: {cidr: 192.168.0.0/16, except: [192.168.3.0/24, 192.168.4.0/24]}
  - {}`;

/** Expected text copied from kubectl's TestDescribeNetworkPolicies. */
const UPSTREAM_EXPECTED = `Name:         network-policy-1
Namespace:    default
Created on:   2017-06-04 21:45:56 -0700 PDT
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2
  Allowing ingress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    From:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    From:
      PodSelector: id=app2,id2=app3
    From:
      NamespaceSelector: id=app2,id2=app3
    From:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    From:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    From: <any> (traffic not restricted by source)
  Allowing egress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    To:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    To:
      PodSelector: id=app2,id2=app3
    To:
      NamespaceSelector: id=app2,id2=app3
    To:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    To:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    To: <any> (traffic not restricted by destination)
  Policy Types: Ingress, Egress
`;

function one(text: string) {
  const r = parsePolicies(text);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.policies).toHaveLength(1);
  return r.policies[0];
}

describe('describePolicy', () => {
  it('matches kubectl TestDescribeNetworkPolicies byte for byte', () => {
    const p = one(UPSTREAM_POLICY.replace('EGRESS', EGRESS_FULL));
    expect(describePolicy(p, { createdOn: '2017-06-04 21:45:56 -0700 PDT' })).toBe(UPSTREAM_EXPECTED);
  });

  it('matches kubectl TestDescribeIsolatedEgressNetworkPolicies (egress isolated, no rules)', () => {
    const p = one(UPSTREAM_POLICY.replace('EGRESS', ''));
    const expected = UPSTREAM_EXPECTED.replace(/ {2}Allowing egress traffic:\n[\s\S]*(?= {2}Policy Types)/, '  Allowing egress traffic:\n    <none> (Selected pods are isolated for egress connectivity)\n');
    expect(describePolicy(p, { createdOn: '2017-06-04 21:45:56 -0700 PDT' })).toBe(expected);
  });

  it('prints the empty pod selector, defaulted policy types and ingress isolation like kubectl', () => {
    const p = one('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: prod}\nspec:\n  podSelector: {}\n');
    expect(describePolicy(p)).toBe(
      [
        'Name:         deny',
        'Namespace:    prod',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
        '  Allowing ingress traffic:',
        '    <none> (Selected pods are isolated for ingress connectivity)',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
  });

  it('aligns multi-line labels under the tab column and prints port ranges and protocol-only ports', () => {
    const p = one(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: e, namespace: n, labels: {b: "2", a: "1"}, annotations: {note: hi}}
spec:
  podSelector: {matchExpressions: [{key: x, operator: DoesNotExist}, {key: t, operator: Exists}]}
  policyTypes: [Egress]
  egress:
  - ports: [{port: 32000, endPort: 32768}, {protocol: UDP}]
`);
    const out = describePolicy(p, { createdOn: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    expect(out).toContain('Created on:   2026-01-02 03:04:05 +0000 UTC\nLabels:       a=1\n              b=2\nAnnotations:  note: hi\n');
    expect(out).toContain('  PodSelector:     t,!x\n  Not affecting ingress traffic\n  Allowing egress traffic:\n');
    expect(out).toContain('    To Port Range: 32000-32768/TCP\n    To Port: <nil>/UDP\n    To: <any> (traffic not restricted by destination)\n');
  });

  it('separates several policies as kubectl describe does', () => {
    const a = one('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n');
    const text = describePolicies([a, a]);
    expect(text).toBe(`${describePolicy(a)}\n\n${describePolicy(a)}`);
    expect(text.split('Name:').length).toBe(3);
  });
});

describe('tabwrite', () => {
  it('pads each block of tab cells to its widest cell plus two spaces', () => {
    expect(tabwrite('a:\tx\nlonger:\ty\nno tab\nb:\tz\n')).toBe('a:       x\nlonger:  y\nno tab\nb:  z\n');
  });
  it('formats a UTC date as Go time.Time.String()', () => {
    expect(formatGoTimeUtc(new Date(Date.UTC(2017, 5, 4, 21, 45, 56)))).toBe('2017-06-04 21:45:56 +0000 UTC');
  });
});

describe('describePolicyJson', () => {
  const parse = (text: string) => {
    const r = parsePolicies(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return r.policies;
  };

  it('gives the upstream policy`s facts as data, with the four peer shapes and kubectl`s selector text', () => {
    const [p] = parse(UPSTREAM_POLICY.replace('EGRESS', EGRESS_FULL));
    const j = describePolicyJson(p);
    expect(Object.keys(j)).toEqual(['name', 'namespace', 'createdOn', 'labels', 'annotations', 'podSelector', 'policyTypes', 'policyTypesDefaulted', 'ingress', 'egress', 'source']);
    expect(j).toMatchObject({ name: 'network-policy-1', namespace: 'default', createdOn: null, labels: {}, annotations: {}, policyTypes: ['Ingress', 'Egress'], policyTypesDefaulted: false });
    expect(j.podSelector).toEqual({
      matchLabels: { id1: 'app1', id2: 'app2' },
      matchExpressions: [
        { key: 'foo', operator: 'In', values: ['bar1', 'bar2'] },
        { key: 'foo2', operator: 'NotIn', values: ['bar1', 'bar2'] },
      ],
      text: 'foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2',
    });
    expect(j.ingress).toHaveLength(2);
    expect(j.ingress![0].ports).toEqual([
      { protocol: 'TCP', port: 80, endPort: null },
      { protocol: 'TCP', port: 82, endPort: null },
    ]);
    expect(j.ingress![0].peers!.map((x) => x.type)).toEqual(['namespaceAndPodSelector', 'podSelector', 'namespaceSelector', 'namespaceSelector', 'ipBlock']);
    expect(j.ingress![0].peers![0]).toEqual({
      type: 'namespaceAndPodSelector',
      namespaceSelector: { matchLabels: { id: 'ns1', id2: 'ns2' }, matchExpressions: [], text: 'id=ns1,id2=ns2' },
      podSelector: { matchLabels: { id: 'pod1', id2: 'pod2' }, matchExpressions: [], text: 'id=pod1,id2=pod2' },
    });
    expect(j.ingress![0].peers![4]).toEqual({ type: 'ipBlock', cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] });
    // `- {}`: all ports, all sources.
    expect(j.ingress![1]).toEqual({ ports: null, peers: null });
    expect(j.egress).toEqual(j.ingress);
    expect(j.source).toEqual({ document: 0, line: 2 });
  });

  it('null for a direction the policy does not affect, [] for an isolated one that allows nothing', () => {
    const [deny] = parse('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n');
    const j = describePolicyJson(deny);
    expect([j.ingress, j.egress, j.policyTypes, j.policyTypesDefaulted]).toEqual([[], null, ['Ingress'], true]);
    expect(j.podSelector).toEqual({ matchLabels: {}, matchExpressions: [], text: '<none>' });
  });

  it('named ports, ranges, port-less entries, labels, annotations, creation time and selected pods', () => {
    const [p] = parse(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: e\n  labels: {z: "1", a: "2"}\n  annotations: {note: hi, kubectl.kubernetes.io/last-applied-configuration: "{}"}\nspec:\n  podSelector: {matchLabels: {app: w}}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: http}, {port: 32000, endPort: 32768}, {protocol: UDP}]\n',
    );
    const j = describePolicyJson(p, { createdOn: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), selectedPods: ['default/w-0'] });
    expect(Object.keys(j.labels)).toEqual(['a', 'z']);
    expect(j.annotations).toEqual({ note: 'hi' });
    expect(j.createdOn).toBe('2026-01-02T03:04:05Z');
    expect(j.egress).toEqual([
      {
        ports: [
          { protocol: 'TCP', port: 'http', endPort: null },
          { protocol: 'TCP', port: 32000, endPort: 32768 },
          { protocol: 'UDP', port: null, endPort: null },
        ],
        peers: null,
      },
    ]);
    expect(j.selectedPods).toEqual(['default/w-0']);
    expect(describePolicyJson(p, { createdOn: '2017-06-04 21:45:56 -0700 PDT' }).createdOn).toBe('2017-06-04 21:45:56 -0700 PDT');
  });
});
