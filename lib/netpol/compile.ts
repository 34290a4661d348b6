/**
 * Compiles a cluster and validated policies once: selectors into tagged unions, CIDRs into bigints, pods
 * indexed by namespace and label, each policy's selected pods computed once, and per pod the policies that
 * isolate it for ingress and for egress. No raw spec field is consulted after this stage.
 */
import { cidrContains, parseCidr, parseIp } from './cidr';
import { normalizeCluster } from './cluster';
import { positionOf } from './parse';
import { compileSelector, matchSelector } from './selectors';
import type {
  Cidr,
  Cluster,
  CompiledModel,
  CompiledPeer,
  CompiledPolicy,
  CompiledPort,
  CompiledRule,
  CompiledSelector,
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from './types';

/** Per-model label index: namespace → 'key=value' → pod indexes. */
const labelIndexes = new WeakMap<CompiledModel, Map<string, Map<string, number[]>>>();

function cidrOf(text: string): Cidr {
  const c = parseCidr(text);
  // Validation guarantees a valid CIDR; a failure here is a broken invariant.
  if (!c) throw new Error(`invalid CIDR reached compile: ${text}`);
  return { family: c.family, base: c.base, prefix: c.prefix, mask: c.mask, text: c.text };
}

function compilePeer(policy: NetworkPolicy, peer: NetworkPolicyPeer, path: string): CompiledPeer {
  const pos = positionOf(policy.source.positions, path);
  if (peer.ipBlock) {
    return { kind: 'ipBlock', cidr: cidrOf(peer.ipBlock.cidr), except: (peer.ipBlock.except ?? []).map(cidrOf), path, pos };
  }
  // podSelector alone = pods of the policy's namespace; namespaceSelector alone = all pods of matching
  // namespaces; both = AND (pods matching podSelector in namespaces matching namespaceSelector).
  const namespaces: Extract<CompiledPeer, { kind: 'pods' }>['namespaces'] = peer.namespaceSelector
    ? { kind: 'selector', selector: compileSelector(peer.namespaceSelector) }
    : { kind: 'same', namespace: policy.namespace };
  return { kind: 'pods', namespaces, pods: compileSelector(peer.podSelector), path, pos, mask: undefined };
}

function compilePort(p: NetworkPolicyPort, path: string): CompiledPort {
  if (p.port === undefined) return { kind: 'any-port', protocol: p.protocol, path };
  if (typeof p.port === 'string') return { kind: 'named', protocol: p.protocol, name: p.port, path };
  if (p.endPort !== undefined) return { kind: 'range', protocol: p.protocol, port: p.port, endPort: p.endPort, path };
  return { kind: 'number', protocol: p.protocol, port: p.port, path };
}

function compileRules(policy: NetworkPolicy, key: string, dir: 'ingress' | 'egress'): CompiledRule[] {
  const rules = (dir === 'ingress' ? policy.spec.ingress : policy.spec.egress) ?? [];
  const peerKey = dir === 'ingress' ? 'from' : 'to';
  const positions = policy.source.positions;
  return rules.map((r, index) => {
    const path = `spec.${dir}[${index}]`;
    const pos = positionOf(positions, path);
    const peers = (r as { from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[] })[peerKey];
    // "If this field is empty or missing, this rule matches all sources/destinations."
    const compiledPeers = peers && peers.length > 0 ? peers.map((p, i) => compilePeer(policy, p, `${path}.${peerKey}[${i}]`)) : null;
    // What a miss points at: the only peer, else the peer list; or the ports (exact paths, as written).
    const peersPath = compiledPeers !== null && compiledPeers.length === 1 ? compiledPeers[0].path : `${path}.${peerKey}`;
    const portsPath = `${path}.ports`;
    return {
      direction: dir,
      index,
      path,
      line: pos?.line,
      column: pos?.column,
      peers: compiledPeers,
      // "If this field is empty or missing, this rule matches all ports."
      ports: r.ports && r.ports.length > 0 ? r.ports.map((p, i) => compilePort(p, `${path}.ports[${i}]`)) : null,
      ref: Object.freeze({ policy: key, direction: dir, index, path, line: pos?.line, document: policy.source.document }),
      failed: { peers: { path: peersPath, line: positions[peersPath]?.line }, ports: { path: portsPath, line: positions[portsPath]?.line } },
    };
  });
}

function buildLabelIndex(model: CompiledModel): Map<string, Map<string, number[]>> {
  const idx = new Map<string, Map<string, number[]>>();
  model.cluster.pods.forEach((pod, i) => {
    let ns = idx.get(pod.namespace);
    if (!ns) { ns = new Map(); idx.set(pod.namespace, ns); }
    for (const [k, v] of Object.entries(pod.labels)) {
      const key = `${k}=${v}`;
      const list = ns.get(key);
      if (list) list.push(i);
      else ns.set(key, [i]);
    }
  });
  return idx;
}

/** Pod indexes in `namespace` matching a compiled selector, using the label index to narrow candidates. */
export function selectCompiled(model: CompiledModel, namespace: string, sel: CompiledSelector): number[] {
  const all = model.podsByNamespace.get(namespace) ?? [];
  if (sel.kind === 'all') return all;
  let candidates = all;
  if (sel.labels.length > 0) {
    let index = labelIndexes.get(model);
    if (!index) { index = buildLabelIndex(model); labelIndexes.set(model, index); }
    const nsIndex = index.get(namespace);
    for (const [k, v] of sel.labels) {
      const list = nsIndex?.get(`${k}=${v}`) ?? [];
      if (list.length < candidates.length) candidates = list;
    }
  }
  const pods = model.cluster.pods;
  return candidates.filter((i) => matchSelector(sel, pods[i].labels));
}

/** Indexes (into model.cluster.pods) of pods in `namespace` matching the selector. */
export function selectPods(model: CompiledModel, namespace: string, selector: LabelSelector): number[] {
  return selectCompiled(model, namespace, compileSelector(selector));
}

/** Mask of pods a compiled pod peer matches (computed once per peer, on first use). */
export function peerPodMask(model: CompiledModel, peer: Extract<CompiledPeer, { kind: 'pods' }>): Uint8Array {
  if (peer.mask) return peer.mask;
  const mask = new Uint8Array(model.cluster.pods.length);
  const namespaces: string[] = [];
  if (peer.namespaces.kind === 'same') namespaces.push(peer.namespaces.namespace);
  else for (const [name, labels] of model.namespaceLabels) if (matchSelector(peer.namespaces.selector, labels)) namespaces.push(name);
  for (const ns of namespaces) for (const i of selectCompiled(model, ns, peer.pods)) mask[i] = 1;
  // A compiled peer belongs to one model, so it carries its mask (computed on first use).
  peer.mask = mask;
  return mask;
}

/** True when an IP lies in the ipBlock's cidr and in none of its `except` ranges. */
export function ipBlockContains(peer: Extract<CompiledPeer, { kind: 'ipBlock' }>, ip: { family: 4 | 6; value: bigint }): boolean {
  if (!cidrContains(peer.cidr, ip)) return false;
  for (const e of peer.except) if (cidrContains(e, ip)) return false;
  return true;
}

/** Indexes of pods a peer of a policy in `policyNamespace` matches (ipBlock: pods whose IP is inside). */
export function podsMatchingPeer(model: CompiledModel, policyNamespace: string, peer: NetworkPolicyPeer): number[] {
  const fake: NetworkPolicy = { name: '', namespace: policyNamespace, spec: { podSelector: {}, policyTypes: [] }, source: { document: 0, positions: {} } };
  const c = compilePeer(fake, peer, '');
  const out: number[] = [];
  if (c.kind === 'ipBlock') {
    model.podIps.forEach((ip, i) => { if (ipBlockContains(c, ip)) out.push(i); });
    return out;
  }
  const mask = peerPodMask(model, c);
  mask.forEach((m, i) => { if (m) out.push(i); });
  return out;
}

/**
 * Compiles policies against a cluster (normalized first): selectors and CIDRs decided once, pods indexed,
 * each policy's selected pods computed once, per-pod lists of isolating policies precomputed.
 * "NetworkPolicy is namespace scoped": a policy selects pods of its own namespace only.
 */
export function compile(cluster: Cluster, policies: NetworkPolicy[]): CompiledModel {
  const c = normalizeCluster(cluster);
  const podIndex = new Map<string, number>();
  const podsByNamespace = new Map<string, number[]>();
  const podIps = c.pods.map((p, i) => {
    podIndex.set(`${p.namespace}/${p.name}`, i);
    const list = podsByNamespace.get(p.namespace);
    if (list) list.push(i);
    else podsByNamespace.set(p.namespace, [i]);
    const ip = parseIp(p.ip);
    if (!ip) throw new Error(`pod ${p.namespace}/${p.name} has an invalid IP ${p.ip}: parse the cluster with parseCluster`);
    return ip;
  });
  const model: CompiledModel = {
    cluster: c,
    policies: [],
    podIndex,
    podsByNamespace,
    namespaceLabels: new Map(c.namespaces.map((n) => [n.name, n.labels])),
    ingressPolicies: c.pods.map(() => []),
    egressPolicies: c.pods.map(() => []),
    podIps,
  };
  for (const policy of policies) {
    const podSelector = compileSelector(policy.spec.podSelector);
    const selected = selectCompiled(model, policy.namespace, podSelector);
    const key = `${policy.namespace}/${policy.name}`;
    const cp: CompiledPolicy = {
      key,
      policy,
      podSelector,
      selected,
      // "policyTypes ... If this field is not specified, it will default based on the existence of
      // ingress or egress rules" (defaulting already applied): isolation follows policyTypes only.
      isolatesIngress: policy.spec.policyTypes.includes('Ingress'),
      isolatesEgress: policy.spec.policyTypes.includes('Egress'),
      ingress: compileRules(policy, key, 'ingress'),
      egress: compileRules(policy, key, 'egress'),
      ref: Object.freeze({ policy: key, namespace: policy.namespace, name: policy.name, line: policy.source.line, document: policy.source.document }),
    };
    const pi = model.policies.length;
    model.policies.push(cp);
    for (const i of selected) {
      if (cp.isolatesIngress) model.ingressPolicies[i].push(pi);
      if (cp.isolatesEgress) model.egressPolicies[i].push(pi);
    }
  }
  return model;
}
