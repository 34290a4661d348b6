/**
 * Validation of networking.k8s.io/v1 NetworkPolicy objects as the API server does it
 * (pkg/apis/networking/validation/validation.go, apimachinery ObjectMeta and LabelSelector validation):
 * every error is collected, with its field path, source position and the upstream wording.
 */
import { cidrContains, formatIp, parseCidr } from './cidr';
import { decode, NETWORK_POLICY } from './decode';
import { defaultPolicySpec, type UndefaultedPort, type UndefaultedSpec } from './defaults';
import type { FieldErrors } from './k8s-validation';
import { createFieldErrors, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from './k8s-validation';
import { positionOf } from './parse';
import type { Diagnostic, IPBlock, LabelSelector, LabelSelectorRequirement, NetworkPolicy, NetworkPolicyPeer, ParsedObject, PolicyType, Protocol, SelectorOperator } from './types';

/** The apiVersion a NetworkPolicy must have. */
export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

type RawSelector = { matchLabels?: Record<string, string>; matchExpressions?: ({ key?: string; operator?: string; values?: string[] } | undefined)[] };
type RawPeer = { podSelector?: RawSelector; namespaceSelector?: RawSelector; ipBlock?: { cidr?: string; except?: string[] } };
type RawPort = { protocol?: string; port?: number | string; endPort?: number };
type RawRule = { from?: (RawPeer | undefined)[]; to?: (RawPeer | undefined)[]; ports?: (RawPort | undefined)[] };
type RawPolicy = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; generateName?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { podSelector?: RawSelector; ingress?: (RawRule | undefined)[]; egress?: (RawRule | undefined)[]; policyTypes?: string[] };
};

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** apimachinery ValidateLabels: keys are qualified names, values valid label values (errors on the map's path). */
export function validateLabels(labels: Record<string, string> | undefined, path: string, errs: FieldErrors): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const at = `${path}.${k}`;
    for (const m of isQualifiedName(k)) errs.add('Invalid', path, m, k, { at });
    for (const m of isValidLabelValue(v)) errs.add('Invalid', path, m, v, { at });
  }
}

/** metav1 validation.ValidateLabelSelector. */
export function validateLabelSelector(sel: RawSelector | undefined, path: string, errs: FieldErrors): void {
  if (!sel) return;
  validateLabels(sel.matchLabels, `${path}.matchLabels`, errs);
  (sel.matchExpressions ?? []).forEach((sr, i) => {
    if (!sr) return;
    const p = `${path}.matchExpressions[${i}]`;
    const values = sr.values ?? [];
    switch (sr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.add('Required', `${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'", undefined, { at: p });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.add('Forbidden', `${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        break;
      default:
        errs.add('Invalid', `${p}.operator`, 'not a valid selector operator', sr.operator ?? '', { at: sr.operator === undefined ? p : undefined });
    }
    for (const m of isQualifiedName(sr.key ?? '')) errs.add('Invalid', `${p}.key`, m, sr.key ?? '', { at: sr.key === undefined ? p : undefined });
    values.forEach((v, vi) => {
      for (const m of isValidLabelValue(v)) errs.add('Invalid', `${p}.values[${vi}]`, m, v);
    });
  });
}

function validatePort(port: RawPort, path: string, errs: FieldErrors): void {
  if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol)) {
    errs.add('NotSupported', `${path}.protocol`, 'supported values: "TCP", "UDP", "SCTP"', port.protocol);
  }
  if (port.port !== undefined) {
    if (typeof port.port === 'number') {
      for (const m of isValidPortNum(port.port)) errs.add('Invalid', `${path}.port`, m, port.port);
      if (port.endPort !== undefined) {
        if (port.endPort < port.port) errs.add('Invalid', `${path}.endPort`, 'must be greater than or equal to `port`', port.endPort);
        for (const m of isValidPortNum(port.endPort)) errs.add('Invalid', `${path}.endPort`, m, port.endPort);
      }
    } else {
      if (port.endPort !== undefined) errs.add('Invalid', `${path}.endPort`, 'may not be specified when `port` is non-numeric', port.endPort);
      for (const m of isValidPortName(port.port)) errs.add('Invalid', `${path}.port`, m, port.port);
    }
  } else if (port.endPort !== undefined) {
    errs.add('Invalid', `${path}.endPort`, 'may not be specified when `port` is not specified', port.endPort);
  }
}

const CIDR_INVALID = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function cidrWarning(value: string, path: string, errs: FieldErrors): void {
  const c = parseCidr(value);
  if (!c || !c.hostBits) return;
  // apimachinery GetWarningsForCIDR: the API server accepts it (legacy field) and warns; matching ignores host bits.
  const single = `${formatIp(c.address)}/${c.family === 4 ? 32 : 128}`;
  errs.add('Invalid', path, '', undefined, {
    severity: 'warning',
    message: `${path}: CIDR value "${value}" is ambiguous in this context (should be "${c.text}" or "${single}"?)`,
  });
}

function validateIPBlock(ipb: { cidr?: string; except?: string[] }, path: string, errs: FieldErrors): void {
  if (!ipb.cidr) {
    errs.add('Required', `${path}.cidr`, '', undefined, { at: path });
    return;
  }
  const cidr = parseCidr(ipb.cidr);
  if (!cidr) {
    errs.add('Invalid', `${path}.cidr`, CIDR_INVALID, ipb.cidr);
    return;
  }
  cidrWarning(ipb.cidr, `${path}.cidr`, errs);
  (ipb.except ?? []).forEach((ex, i) => {
    const p = `${path}.except[${i}]`;
    const e = parseCidr(ex);
    if (!e) {
      errs.add('Invalid', p, CIDR_INVALID, ex);
      return;
    }
    cidrWarning(ex, p, errs);
    if (!cidrContains(cidr, { family: e.family, value: e.base }) || cidr.prefix >= e.prefix) {
      errs.add('Invalid', p, 'must be a strict subset of `cidr`', ex);
    }
  });
}

function validatePeer(peer: RawPeer, path: string, errs: FieldErrors): void {
  let n = 0;
  if (peer.podSelector) { n++; validateLabelSelector(peer.podSelector, `${path}.podSelector`, errs); }
  if (peer.namespaceSelector) { n++; validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`, errs); }
  if (peer.ipBlock) { n++; validateIPBlock(peer.ipBlock, `${path}.ipBlock`, errs); }
  if (n === 0) errs.add('Required', path, 'must specify a peer');
  else if (n > 1 && peer.ipBlock) errs.add('Forbidden', path, 'may not specify both ipBlock and another peer');
}

function validateRules(rules: (RawRule | undefined)[] | undefined, dir: 'ingress' | 'egress', errs: FieldErrors): void {
  const peerKey = dir === 'ingress' ? 'from' : 'to';
  (rules ?? []).forEach((rule, i) => {
    if (!rule) return;
    const p = `spec.${dir}[${i}]`;
    (rule.ports ?? []).forEach((port, j) => { if (port) validatePort(port, `${p}.ports[${j}]`, errs); });
    (rule[peerKey] ?? []).forEach((peer, j) => { if (peer) validatePeer(peer, `${p}.${peerKey}[${j}]`, errs); });
  });
}

function goPolicyTypes(types: string[]): string {
  return `[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}`;
}

function toSelector(sel: RawSelector | undefined): LabelSelector | undefined {
  if (!sel) return undefined;
  const out: LabelSelector = {};
  if (sel.matchLabels !== undefined) out.matchLabels = { ...sel.matchLabels };
  if (sel.matchExpressions !== undefined) {
    out.matchExpressions = sel.matchExpressions.filter((e) => e !== undefined).map((e): LabelSelectorRequirement => {
      const r: LabelSelectorRequirement = { key: e.key ?? '', operator: (e.operator ?? '') as SelectorOperator };
      if (e.values !== undefined) r.values = [...e.values];
      return r;
    });
  }
  return out;
}

function toPeer(p: RawPeer): NetworkPolicyPeer {
  const out: NetworkPolicyPeer = {};
  if (p.podSelector) out.podSelector = toSelector(p.podSelector);
  if (p.namespaceSelector) out.namespaceSelector = toSelector(p.namespaceSelector);
  if (p.ipBlock) {
    const b: IPBlock = { cidr: p.ipBlock.cidr ?? '' };
    if (p.ipBlock.except !== undefined) b.except = [...p.ipBlock.except];
    out.ipBlock = b;
  }
  return out;
}

function toPorts(ports: (RawPort | undefined)[] | undefined): UndefaultedPort[] | undefined {
  if (ports === undefined) return undefined;
  return ports.filter((p) => p !== undefined).map((p) => {
    const out: UndefaultedPort = {};
    if (p.protocol !== undefined) out.protocol = p.protocol as Protocol;
    if (p.port !== undefined) out.port = p.port;
    if (p.endPort !== undefined) out.endPort = p.endPort;
    return out;
  });
}

function toSpec(spec: NonNullable<RawPolicy['spec']>): UndefaultedSpec {
  const out: UndefaultedSpec = { podSelector: toSelector(spec.podSelector) ?? {} };
  if (spec.ingress !== undefined) {
    out.ingress = spec.ingress.filter((r) => r !== undefined).map((r) => ({
      ...(r.from !== undefined ? { from: r.from.filter((x) => x !== undefined).map(toPeer) } : {}),
      ...(r.ports !== undefined ? { ports: toPorts(r.ports) } : {}),
    }));
  }
  if (spec.egress !== undefined) {
    out.egress = spec.egress.filter((r) => r !== undefined).map((r) => ({
      ...(r.to !== undefined ? { to: r.to.filter((x) => x !== undefined).map(toPeer) } : {}),
      ...(r.ports !== undefined ? { ports: toPorts(r.ports) } : {}),
    }));
  }
  if (spec.policyTypes !== undefined) out.policyTypes = spec.policyTypes as PolicyType[];
  return out;
}

/**
 * Decodes (strict: unknown fields), defaults and validates one parsed NetworkPolicy object.
 * Returns the policy only when there is no error; warnings (e.g. CIDR host bits) come with a policy.
 */
export function validatePolicyObject(obj: ParsedObject, opts: { defaultNamespace?: string } = {}): { policy: NetworkPolicy | null; diagnostics: Diagnostic[] } {
  const locate = (path: string) => positionOf(obj.positions, path) ?? (obj.line ? { line: obj.line, column: obj.column ?? 1 } : undefined);
  const errs = createFieldErrors(locate, obj.document);
  const v = obj.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    errs.add('Invalid', '', '', undefined, { message: 'expected a Kubernetes object (a mapping with apiVersion, kind, metadata and spec)' });
    return { policy: null, diagnostics: errs.list };
  }
  const top = v as Record<string, unknown>;
  if (top.kind === undefined || top.kind === null || top.kind === '') {
    errs.add('Required', 'kind', '', undefined, { message: 'kind not set' });
  } else if (top.kind !== 'NetworkPolicy') {
    errs.add('NotSupported', 'kind', 'supported values: "NetworkPolicy"', top.kind);
    return { policy: null, diagnostics: errs.list };
  }
  if (top.apiVersion === undefined || top.apiVersion === null || top.apiVersion === '') {
    errs.add('Required', 'apiVersion', '', undefined, { message: 'apiVersion not set' });
  } else if (top.apiVersion !== NETWORK_POLICY_API_VERSION) {
    errs.add('NotSupported', 'apiVersion', '', undefined, {
      message: `no matches for kind "NetworkPolicy" in version ${JSON.stringify(String(top.apiVersion))}: use apiVersion: ${NETWORK_POLICY_API_VERSION}`,
    });
  }
  const raw = (decode(v, NETWORK_POLICY, '', errs) ?? {}) as RawPolicy;
  // Values the engine reads as strings (YAML 1.2) but kubectl reads as booleans (YAML 1.1): warn, do not reject.
  for (const { path, value } of obj.yaml11Booleans ?? []) {
    errs.add('Invalid', path, '', undefined, {
      severity: 'warning',
      message: `${path}: unquoted ${JSON.stringify(value)} is a boolean for kubectl (YAML 1.1), so \`kubectl apply\` rejects it: quote it`,
    });
  }

  // ObjectMeta (apimachinery ValidateObjectMeta with NameIsDNSSubdomain).
  const meta = raw.metadata ?? {};
  let name = meta.name ?? '';
  if (!name && meta.generateName) {
    for (const m of isDNS1123Subdomain(`${meta.generateName}x`)) errs.add('Invalid', 'metadata.generateName', m, meta.generateName);
    name = `${meta.generateName}generated`;
  } else if (!name) {
    errs.add('Required', 'metadata.name', 'name or generateName is required', undefined, { at: 'metadata' });
  } else {
    for (const m of isDNS1123Subdomain(name)) errs.add('Invalid', 'metadata.name', m, name);
  }
  const namespace = meta.namespace || opts.defaultNamespace || 'default';
  if (meta.namespace) for (const m of isDNS1123Label(meta.namespace)) errs.add('Invalid', 'metadata.namespace', m, meta.namespace);
  validateLabels(meta.labels, 'metadata.labels', errs);
  for (const k of Object.keys(meta.annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.add('Invalid', 'metadata.annotations', m, k, { at: `metadata.annotations.${k}` });
  }

  // Spec (ValidateNetworkPolicySpec).
  const spec = raw.spec ?? {};
  validateLabelSelector(spec.podSelector, 'spec.podSelector', errs);
  validateRules(spec.ingress, 'ingress', errs);
  validateRules(spec.egress, 'egress', errs);
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errs.add('Invalid', 'spec.policyTypes', 'may not specify more than two policyTypes', undefined, { rawValue: goPolicyTypes(types) });
  } else {
    types.forEach((t, i) => {
      if (t !== 'Ingress' && t !== 'Egress') errs.add('NotSupported', `spec.policyTypes[${i}]`, 'supported values: "Ingress", "Egress"', t);
    });
  }

  if (errs.hasErrors()) return { policy: null, diagnostics: errs.list };
  const policy: NetworkPolicy = {
    name,
    namespace,
    spec: defaultPolicySpec(toSpec(spec)),
    source: { document: obj.document, positions: obj.positions, line: obj.line, column: obj.column },
  };
  if (obj.item !== undefined) policy.source.item = obj.item;
  if (meta.labels) policy.labels = meta.labels;
  if (meta.annotations) policy.annotations = meta.annotations;
  return { policy, diagnostics: errs.list };
}
