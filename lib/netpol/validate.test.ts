import { stringify } from 'yaml';
import { parsePolicies } from './policies';

/** One valid policy exercising every field; each case changes one thing. */
function base(): Record<string, any> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'api-allow', namespace: 'prod', labels: { team: 'a' } },
    spec: {
      podSelector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] },
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { app: 'web' } } },
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } }, podSelector: {} },
            { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
          ],
          ports: [{ protocol: 'TCP', port: 8080 }, { port: 'http' }, { protocol: 'UDP', port: 5000, endPort: 5100 }],
        },
      ],
      egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } }], ports: [{ protocol: 'SCTP' }] }],
      policyTypes: ['Ingress', 'Egress'],
    },
  };
}

function run(mutate: (p: Record<string, any>) => void, opts: { defaultNamespace?: string } = {}) {
  const p = base();
  mutate(p);
  return parsePolicies(stringify(p), opts);
}

function errors(mutate: (p: Record<string, any>) => void): string[] {
  return run(mutate).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}

const DNS_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QNAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

describe('validate: the base policy', () => {
  it('is valid, without warnings, and keeps every field', () => {
    const r = run(() => {});
    expect(r.diagnostics).toEqual([]);
    expect(r.policies).toHaveLength(1);
    const p = r.policies[0];
    expect(p.name).toBe('api-allow');
    expect(p.namespace).toBe('prod');
    expect(p.spec.ingress?.[0].ports).toEqual([
      { protocol: 'TCP', port: 8080 },
      { protocol: 'TCP', port: 'http' },
      { protocol: 'UDP', port: 5000, endPort: 5100 },
    ]);
    expect(p.spec.egress?.[0].ports).toEqual([{ protocol: 'SCTP' }]);
    expect(p.spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });
});

describe('validate: one change per case (API-server wording)', () => {
  const cases: [string, (p: Record<string, any>) => void, string[]][] = [
    // apiVersion / kind
    ['apiVersion missing', (p) => delete p.apiVersion, ['apiVersion not set']],
    ['apiVersion old', (p) => (p.apiVersion = 'extensions/v1beta1'), ['no matches for kind "NetworkPolicy" in version "extensions/v1beta1": use apiVersion: networking.k8s.io/v1']],
    ['kind missing', (p) => delete p.kind, ['kind not set']],
    ['kind wrong', (p) => (p.kind = 'Networkpolicy'), ['kind: Unsupported value: "Networkpolicy": supported values: "NetworkPolicy"']],
    // metadata
    ['name missing', (p) => delete p.metadata.name, ['metadata.name: Required value: name or generateName is required']],
    ['name not a DNS subdomain', (p) => (p.metadata.name = 'Api_Allow'), [`metadata.name: Invalid value: "Api_Allow": ${DNS_SUBDOMAIN}`]],
    ['name too long', (p) => (p.metadata.name = 'a'.repeat(254)), [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]],
    ['namespace not a DNS label', (p) => (p.metadata.namespace = 'prod.eu'), [`metadata.namespace: Invalid value: "prod.eu": ${DNS_LABEL}`]],
    ['metadata label value invalid', (p) => (p.metadata.labels = { team: 'a b' }), [`metadata.labels: Invalid value: "a b": ${LABEL_VALUE}`]],
    ['metadata label value not a string', (p) => (p.metadata.labels = { version: 2 }), ['metadata.labels.version: Invalid value: 2: must be a string (quote it)']],
    // unknown fields (kubectl strict field validation)
    ['unknown top-level field', (p) => (p.status = {}), ['unknown field "status"']],
    ['unknown spec field', (p) => (p.spec.ingres = []), ['unknown field "spec.ingres"']],
    ['unknown rule field', (p) => (p.spec.ingress[0].form = []), ['unknown field "spec.ingress[0].form"']],
    ['unknown peer field', (p) => (p.spec.ingress[0].from[0].podselector = {}), ['unknown field "spec.ingress[0].from[0].podselector"']],
    ['unknown selector field', (p) => (p.spec.podSelector.matchLabel = {}), ['unknown field "spec.podSelector.matchLabel"']],
    ['wrong type: rules not a list', (p) => (p.spec.ingress = 'all'), ['spec.ingress: Invalid value: "all": must be a list']],
    ['wrong type: port boolean', (p) => (p.spec.ingress[0].ports[0].port = true), ['spec.ingress[0].ports[0].port: Invalid value: true: must be an integer or a string']],
    // label selectors
    ['selector key invalid', (p) => (p.spec.podSelector.matchLabels = { 'bad key': 'x' }), [`spec.podSelector.matchLabels: Invalid value: "bad key": ${QNAME}`]],
    ['selector key prefix invalid', (p) => (p.spec.podSelector.matchLabels = { 'Example.com/app': 'x' }), [`spec.podSelector.matchLabels: Invalid value: "Example.com/app": prefix part ${DNS_SUBDOMAIN}`]],
    ['selector value invalid', (p) => (p.spec.podSelector.matchLabels = { app: '-api' }), [`spec.podSelector.matchLabels: Invalid value: "-api": ${LABEL_VALUE}`]],
    ['selector value too long', (p) => (p.spec.podSelector.matchLabels = { app: 'a'.repeat(64) }), [`spec.podSelector.matchLabels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`]],
    ['operator invalid', (p) => (p.spec.podSelector.matchExpressions[0].operator = 'Equals'), ['spec.podSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator']],
    ['In without values', (p) => delete p.spec.podSelector.matchExpressions[0].values, ["spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ['NotIn with empty values', (p) => (p.spec.podSelector.matchExpressions[0] = { key: 'tier', operator: 'NotIn', values: [] }), ["spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ['Exists with values', (p) => (p.spec.podSelector.matchExpressions[0].operator = 'Exists'), ["spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]],
    ['DoesNotExist with values', (p) => (p.spec.podSelector.matchExpressions[0].operator = 'DoesNotExist'), ["spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]],
    ['expression key invalid', (p) => (p.spec.podSelector.matchExpressions[0].key = 'a/b/c'), [`spec.podSelector.matchExpressions[0].key: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]],
    ['expression value invalid', (p) => (p.spec.podSelector.matchExpressions[0].values = ['ok', 'not ok']), [`spec.podSelector.matchExpressions[0].values[1]: Invalid value: "not ok": ${LABEL_VALUE}`]],
    ['peer namespaceSelector selector invalid', (p) => (p.spec.egress[0].to[0].namespaceSelector.matchExpressions[0].operator = 'exists'), ['spec.egress[0].to[0].namespaceSelector.matchExpressions[0].operator: Invalid value: "exists": not a valid selector operator']],
    // peers
    ['empty peer', (p) => (p.spec.ingress[0].from[0] = {}), ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    ['null podSelector is an empty peer', (p) => (p.spec.ingress[0].from[0] = { podSelector: null }), ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    ['ipBlock with podSelector', (p) => (p.spec.ingress[0].from[2].podSelector = {}), ['spec.ingress[0].from[2]: Forbidden: may not specify both ipBlock and another peer']],
    ['ipBlock with namespaceSelector', (p) => (p.spec.egress[0].to[0].ipBlock = { cidr: '0.0.0.0/0' }), ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer']],
    // ipBlock
    ['cidr missing', (p) => (p.spec.ingress[0].from[2].ipBlock = { except: [] }), ['spec.ingress[0].from[2].ipBlock.cidr: Required value']],
    ['cidr invalid', (p) => (p.spec.ingress[0].from[2].ipBlock.cidr = '10.0.0.0'), [`spec.ingress[0].from[2].ipBlock.cidr: Invalid value: "10.0.0.0": ${CIDR}`]],
    ['cidr prefix too long', (p) => (p.spec.ingress[0].from[2].ipBlock.cidr = '10.0.0.0/33'), [`spec.ingress[0].from[2].ipBlock.cidr: Invalid value: "10.0.0.0/33": ${CIDR}`]],
    ['except invalid', (p) => (p.spec.ingress[0].from[2].ipBlock.except = ['10.1.0.0/abc']), [`spec.ingress[0].from[2].ipBlock.except[0]: Invalid value: "10.1.0.0/abc": ${CIDR}`]],
    ['except outside cidr', (p) => (p.spec.ingress[0].from[2].ipBlock.except = ['192.168.0.0/16']), ['spec.ingress[0].from[2].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`']],
    ['except equal to cidr', (p) => (p.spec.ingress[0].from[2].ipBlock.except = ['10.0.0.0/8']), ['spec.ingress[0].from[2].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`']],
    ['except of another family', (p) => (p.spec.ingress[0].from[2].ipBlock.except = ['fd00::/64']), ['spec.ingress[0].from[2].ipBlock.except[0]: Invalid value: "fd00::/64": must be a strict subset of `cidr`']],
    // ports
    ['protocol unsupported', (p) => (p.spec.ingress[0].ports[0].protocol = 'ICMP'), ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"']],
    ['protocol lowercase', (p) => (p.spec.ingress[0].ports[0].protocol = 'tcp'), ['spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"']],
    ['port 0', (p) => (p.spec.ingress[0].ports[0].port = 0), ['spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['port 70000', (p) => (p.spec.ingress[0].ports[0].port = 70000), ['spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port name with uppercase', (p) => (p.spec.ingress[0].ports[1].port = 'HTTP'), ['spec.ingress[0].ports[1].port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'spec.ingress[0].ports[1].port: Invalid value: "HTTP": must contain at least one letter (a-z)']],
    ['port name quoted number', (p) => (p.spec.ingress[0].ports[1].port = '80'), ['spec.ingress[0].ports[1].port: Invalid value: "80": must contain at least one letter (a-z)']],
    ['port name too long', (p) => (p.spec.ingress[0].ports[1].port = 'a-very-long-port-name'), ['spec.ingress[0].ports[1].port: Invalid value: "a-very-long-port-name": must be no more than 15 characters']],
    ['port name double hyphen', (p) => (p.spec.ingress[0].ports[1].port = 'my--port'), ['spec.ingress[0].ports[1].port: Invalid value: "my--port": must not contain consecutive hyphens']],
    ['port name leading hyphen', (p) => (p.spec.ingress[0].ports[1].port = '-http'), ['spec.ingress[0].ports[1].port: Invalid value: "-http": must not begin or end with a hyphen']],
    ['endPort below port', (p) => (p.spec.ingress[0].ports[2].endPort = 4999), ['spec.ingress[0].ports[2].endPort: Invalid value: 4999: must be greater than or equal to `port`']],
    ['endPort too big', (p) => (p.spec.ingress[0].ports[2].endPort = 65536), ['spec.ingress[0].ports[2].endPort: Invalid value: 65536: must be between 1 and 65535, inclusive']],
    ['endPort with named port', (p) => (p.spec.ingress[0].ports[1].endPort = 90), ['spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric']],
    ['endPort without port', (p) => (p.spec.egress[0].ports[0].endPort = 90), ['spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified']],
    // policyTypes
    ['policyTypes unsupported', (p) => (p.spec.policyTypes = ['Ingress', 'egress']), ['spec.policyTypes[1]: Unsupported value: "egress": supported values: "Ingress", "Egress"']],
    ['policyTypes more than two', (p) => (p.spec.policyTypes = ['Ingress', 'Egress', 'Ingress']), ['spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes']],
  ];
  it.each(cases)('%s', (_name, mutate, expected) => {
    expect(errors(mutate)).toEqual(expected);
  });

  it('collects every error of a document, not just the first', () => {
    const msgs = errors((p) => {
      p.metadata.name = 'Bad_Name';
      p.spec.ingress[0].ports[0].port = 0;
      p.spec.policyTypes = ['Ingress', 'egress'];
      p.spec.ingres = [];
    });
    expect(msgs).toHaveLength(4);
    expect(msgs[0]).toBe('unknown field "spec.ingres"');
  });

  it('host bits in a CIDR are a warning (upstream GetWarningsForCIDR wording), and the policy is kept', () => {
    const r = run((p) => (p.spec.ingress[0].from[2].ipBlock = { cidr: '10.0.0.1/8' }));
    expect(r.policies).toHaveLength(1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.ingress[0].from[2].ipBlock.cidr',
        message: 'spec.ingress[0].from[2].ipBlock.cidr: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
      }),
    ]);
  });

  it('accepts IPv6 CIDRs', () => {
    const r = run((p) => (p.spec.ingress[0].from[2].ipBlock = { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] }));
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts every protocol and a named port with a protocol', () => {
    for (const protocol of ['TCP', 'UDP', 'SCTP']) {
      expect(errors((p) => (p.spec.ingress[0].ports = [{ protocol, port: 'dns' }]))).toEqual([]);
    }
  });
});

describe('validate: positions', () => {
  it('points each error at its line and column in the user text', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: x',
      'spec:',
      '  podSelector: {}',
      '  ingress:',
      '  - ports:',
      '    - port: 70000',
      '  ingres: []',
    ].join('\n');
    const r = parsePolicies(text);
    const byPath = Object.fromEntries(r.diagnostics.map((d) => [d.path, [d.line, d.column]]));
    expect(byPath['spec.ingress[0].ports[0].port']).toEqual([9, 7]);
    expect(byPath['spec.ingres']).toEqual([10, 3]);
  });

  it('reports the document index of each diagnostic and keeps the valid documents', () => {
    const good = stringify(base());
    const bad = stringify({ ...base(), metadata: { name: 'Bad' } });
    const r = parsePolicies(`${good}---\n${bad}---\n${good.replace('api-allow', 'other')}`);
    expect(r.policies.map((p) => p.name)).toEqual(['api-allow', 'other']);
    expect(r.diagnostics.map((d) => d.document)).toEqual([1]);
  });
});

describe('validate: YAML 1.1 booleans', () => {
  it('warns (does not reject) where kubectl would read an unquoted yes/on/y/n as a boolean', () => {
    const text = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: a, namespace: y}', 'spec:', '  podSelector:', '    matchLabels: {enabled: yes, quoted: "on", kubernetes.io/metadata.name: n}'].join('\n');
    const r = parsePolicies(text);
    expect(r.policies).toHaveLength(1);
    expect(r.policies[0].namespace).toBe('y');
    expect(r.diagnostics.map((d) => [d.severity, d.path, d.line, d.message])).toEqual([
      ['warning', 'metadata.namespace', 3, 'metadata.namespace: unquoted "y" is a boolean for kubectl (YAML 1.1), so `kubectl apply` rejects it: quote it'],
      ['warning', 'spec.podSelector.matchLabels.enabled', 6, 'spec.podSelector.matchLabels.enabled: unquoted "yes" is a boolean for kubectl (YAML 1.1), so `kubectl apply` rejects it: quote it'],
      ['warning', 'spec.podSelector.matchLabels.kubernetes.io/metadata.name', 6, 'spec.podSelector.matchLabels.kubernetes.io/metadata.name: unquoted "n" is a boolean for kubectl (YAML 1.1), so `kubectl apply` rejects it: quote it'],
    ]);
  });
});

describe('validate: namespaces', () => {
  it('a policy without metadata.namespace goes to the default namespace', () => {
    expect(run((p) => delete p.metadata.namespace, { defaultNamespace: 'team-a' }).policies[0].namespace).toBe('team-a');
    expect(run((p) => delete p.metadata.namespace).policies[0].namespace).toBe('default');
  });

  it('the same namespace/name twice: the later one wins, with a warning', () => {
    const a = stringify(base());
    const b = stringify({ ...base(), spec: { podSelector: {} } });
    const r = parsePolicies(`${a}---\n${b}`);
    expect(r.policies).toHaveLength(1);
    expect(r.policies[0].spec.ingress).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', type: 'Duplicate', document: 1 })]);
  });
});
