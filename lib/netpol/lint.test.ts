import { LINT_CATALOGUE, lintPolicies, type LintCode } from './lint';
import { editDistance, nearest } from './lint-finding';
import { parsePolicies } from './policies';
import type { Cluster } from './types';

/** Namespaces prod (team=shop) and ops; pods with named ports; an external outside every pod CIDR. */
const CLUSTER: Cluster = {
  namespaces: [
    { name: 'prod', labels: { team: 'shop' } },
    { name: 'ops', labels: {} },
  ],
  pods: [
    { namespace: 'prod', name: 'web', labels: { app: 'web' }, ip: '10.0.0.1', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
    { namespace: 'prod', name: 'db', labels: { app: 'db' }, ip: '10.0.0.2', ports: [{ name: 'pg', containerPort: 5432, protocol: 'TCP' }] },
    { namespace: 'ops', name: 'mon', labels: { app: 'mon' }, ip: '10.0.1.1', ports: [] },
  ],
  externals: [{ name: 'internet', ip: '203.0.113.9' }],
};

function policy(spec: string, ns = 'prod', name = 'p'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

function lint(text: string, opts: { cluster?: boolean; task?: string } = {}) {
  const r = parsePolicies(text);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return lintPolicies(r.policies, { cluster: opts.cluster === false ? undefined : CLUSTER, taskNamespace: opts.task });
}

function codes(text: string, opts: { cluster?: boolean; task?: string } = {}): string[] {
  return lint(text, opts).map((d) => d.code!);
}

const DNS_RULE = `- ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`;

/** Per code: a policy text that must raise it, and a close variant that must not. */
const CASES: Record<LintCode, { pos: string; neg: string; task?: string }> = {
  'NP001-egress-without-dns': {
    pos: policy(`podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: 5432}]`),
    neg: policy(`podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: 5432}]`) +
      '---\n' + policy(`podSelector: {}\npolicyTypes: [Egress]\negress:\n${DNS_RULE}`, 'prod', 'dns'),
  },
  'NP002-separate-peers-maybe-and': {
    pos: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n  - podSelector: {matchLabels: {app: mon}}`),
    neg: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n    podSelector: {matchLabels: {app: mon}}`),
  },
  'NP003-and-peer-maybe-separate': {
    pos: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n    podSelector: {matchLabels: {app: web}}`),
    neg: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n    podSelector: {matchLabels: {app: mon}}`),
  },
  'NP004-namespace-label-unknown': {
    pos: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {name: ops}}`),
    neg: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}`),
  },
  'NP005-selector-matches-no-pod': {
    pos: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - podSelector: {matchLabels: {app: wbe}}`),
    neg: policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - podSelector: {matchLabels: {app: web}}`),
  },
  'NP006-egress-denied-all': {
    pos: policy(`podSelector: {}\npolicyTypes: [Ingress, Egress]\ningress:\n- from: [{podSelector: {}}]`),
    // A pure deny-all policy states its intent: not reported.
    neg: policy(`podSelector: {}\npolicyTypes: [Ingress, Egress]`),
  },
  'NP007-rules-ignored-by-policy-types': {
    pos: policy(`podSelector: {}\npolicyTypes: [Ingress]\negress:\n${DNS_RULE}`),
    neg: policy(`podSelector: {}\negress:\n${DNS_RULE}`),
  },
  'NP008-namespace-not-task': {
    pos: policy(`podSelector: {}`, 'ops'),
    neg: policy(`podSelector: {}`, 'prod'),
    task: 'prod',
  },
  'NP009-named-port-undeclared': {
    pos: policy(`podSelector: {matchLabels: {app: web}}\ningress:\n- ports: [{port: htp}]`),
    neg: policy(`podSelector: {matchLabels: {app: web}}\ningress:\n- ports: [{port: http}]`),
  },
  'NP010-ipblock-covers-pods': {
    pos: policy(`podSelector: {}\npolicyTypes: [Egress]\negress:\n${DNS_RULE}\n- to: [{ipBlock: {cidr: 0.0.0.0/0}}]`),
    neg: policy(`podSelector: {}\npolicyTypes: [Egress]\negress:\n${DNS_RULE}\n- to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]`),
  },
  'NP011-policy-selects-no-pods': {
    pos: policy(`podSelector: {matchLabels: {app: dbb}}`),
    neg: policy(`podSelector: {matchLabels: {app: db}}`),
  },
};

describe('lint catalogue', () => {
  it('documents every code once, in order, with a doc line', () => {
    expect(LINT_CATALOGUE.map((r) => r.code)).toEqual(Object.keys(CASES).sort());
    for (const r of LINT_CATALOGUE) expect(r.doc.length).toBeGreaterThan(20);
  });
});

describe.each(Object.entries(CASES) as [LintCode, (typeof CASES)[LintCode]][])('%s', (code, c) => {
  it('fires on the mistake, as a located warning', () => {
    const found = lint(c.pos, { task: c.task }).filter((d) => d.code === code);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.line).toBeGreaterThan(0);
      expect(d.message).not.toMatch(/\.$/);
    }
  });
  it('stays quiet on the corrected policy', () => {
    expect(codes(c.neg, { task: c.task })).not.toContain(code);
  });
});

describe('lint details', () => {
  it('points NP002 at the podSelector peer, explains the OR, and does not repeat it as NP005', () => {
    const found = lint(CASES['NP002-separate-peers-maybe-and'].pos);
    const [d] = found.filter((x) => x.code === 'NP002-separate-peers-maybe-and');
    expect(d.path).toBe('spec.ingress[0].from[1]');
    expect(d.line).toBe(9);
    expect(d.message).toContain('two peers (OR)');
    expect(found.map((x) => x.code)).not.toContain('NP005-selector-matches-no-pod');
    const swapped = policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - podSelector: {matchLabels: {app: mon}}\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}`);
    expect(lint(swapped).find((x) => x.code === 'NP002-separate-peers-maybe-and')!.path).toBe('spec.ingress[0].from[0]');
  });
  it('keeps NP002 quiet with a cluster when the pods exist in the policy namespace (a deliberate OR)', () => {
    const or = policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n  - podSelector: {matchLabels: {app: web}}`);
    expect(codes(or)).not.toContain('NP002-separate-peers-maybe-and');
    expect(codes(or, { cluster: false })).toContain('NP002-separate-peers-maybe-and');
  });
  it('suggests the near-miss label and the metadata.name label', () => {
    expect(lint(CASES['NP005-selector-matches-no-pod'].pos).find((d) => d.code === 'NP005-selector-matches-no-pod')!.message).toContain('did you mean `app=web`?');
    expect(lint(CASES['NP011-policy-selects-no-pods'].pos).find((d) => d.code === 'NP011-policy-selects-no-pods')!.message).toContain('did you mean `app=db`?');
    expect(lint(CASES['NP004-namespace-label-unknown'].pos).find((d) => d.code === 'NP004-namespace-label-unknown')!.message).toContain('`kubernetes.io/metadata.name: ops`');
    expect(lint(CASES['NP009-named-port-undeclared'].pos).find((d) => d.code === 'NP009-named-port-undeclared')!.message).toContain('did you mean `http`?');
  });
  it('suggests a near-miss namespace name', () => {
    const text = policy(`podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: opps}}`);
    const d = lint(text).find((x) => x.code === 'NP005-selector-matches-no-pod');
    expect(d?.message).toContain('did you mean `kubernetes.io/metadata.name=ops`?');
  });
  it('reports NP004 instead of NP005 for an unknown namespace label', () => {
    expect(codes(CASES['NP004-namespace-label-unknown'].pos)).not.toContain('NP005-selector-matches-no-pod');
  });
  it('resolves egress named ports against the destination pods', () => {
    const text = policy(`podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n${DNS_RULE}\n- to: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: http}]`);
    expect(codes(text)).toContain('NP009-named-port-undeclared');
    expect(codes(text.replace('port: http', 'port: pg'))).not.toContain('NP009-named-port-undeclared');
  });
  it('unions DNS rules per selected pod when a cluster is given', () => {
    // The DNS policy selects web by another label shape than the policy that allows db: only the cluster tells.
    const text =
      policy(`podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]`) +
      '---\n' +
      policy(`podSelector: {matchExpressions: [{key: app, operator: In, values: [web, db]}]}\npolicyTypes: [Egress]\negress:\n${DNS_RULE}`, 'prod', 'dns');
    expect(codes(text)).not.toContain('NP001-egress-without-dns');
    expect(codes(text, { cluster: false })).toContain('NP001-egress-without-dns');
    expect(codes(text.replace('values: [web, db]', 'values: [db]'))).toContain('NP001-egress-without-dns');
  });
  it('runs only the spec checks without a cluster', () => {
    expect(codes(CASES['NP011-policy-selects-no-pods'].pos, { cluster: false })).toEqual([]);
    expect(codes(CASES['NP006-egress-denied-all'].pos, { cluster: false })).toEqual(['NP006-egress-denied-all']);
  });
  it('does not treat a defaulted policyTypes as a mistake', () => {
    expect(codes(policy('podSelector: {}\negress: []'))).not.toContain('NP006-egress-denied-all');
  });
});

describe('nearest', () => {
  it('finds a close candidate and ignores far ones', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('wbe', 'web')).toBe(1);
    expect(nearest('app=wbe', ['app=web', 'tier=x'])).toBe('app=web');
    expect(nearest('app=web', ['zzz=qqq'])).toBeUndefined();
  });
});
