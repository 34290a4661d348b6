/**
 * Evaluation of a probe against a compiled model, with the reasons for both directions.
 *
 * Algorithm (the networking.k8s.io/v1 semantics; quotes from the API reference):
 * 1. Resolve the endpoints: 'namespace/pod', 'ip:<address>' (a pod's or external's IP resolves to it), or an
 *    external's name. Resolve a named probe port on the destination pod.
 * 2. Pod to itself: always allowed ("a pod cannot block access to itself").
 * 3. Egress of the source (when it is a pod): isolated iff some policy selecting it has Egress in policyTypes;
 *    then allowed iff some egress rule of those policies (union) matches the destination and port.
 * 4. Ingress of the destination (when it is a pod): the same with Ingress and the source as peer.
 * 5. Allowed iff both directions allow. Every rule is checked (no short-circuit) so the verdict lists every
 *    allowing rule, or every isolating policy with the reason each of its rules missed.
 */
import { formatIp, parseIp, type ParsedIp } from './cidr';
import { ipBlockContains, peerPodMask } from './compile';
import { formatLabels, formatRequirement } from './selectors';
import type {
  CompiledModel,
  CompiledPeer,
  CompiledPolicy,
  CompiledPort,
  CompiledRule,
  CompiledSelector,
  DirectionVerdict,
  Endpoint,
  PolicyRef,
  Probe,
  Protocol,
  RuleMiss,
  RuleRef,
  Verdict,
} from './types';

/** An endpoint resolved for matching: its parsed IP as well. */
export type ResolvedEndpoint = Endpoint & { addr: ParsedIp };
/** The port being probed, resolved to a number, and the destination pod (-1 when not a pod). */
export type PortContext = { port: number; protocol: Protocol; dstPod: number };

const ipIndexes = new WeakMap<CompiledModel, Map<string, { pod?: number; external?: number }>>();

function ipIndex(model: CompiledModel): Map<string, { pod?: number; external?: number }> {
  let idx = ipIndexes.get(model);
  if (idx) return idx;
  idx = new Map();
  model.cluster.pods.forEach((p, i) => idx!.set(formatIp(model.podIps[i]), { pod: i }));
  model.cluster.externals.forEach((e, i) => {
    const ip = parseIp(e.ip);
    if (!ip) return;
    const k = formatIp(ip);
    if (!idx!.has(k)) idx!.set(k, { external: i });
  });
  ipIndexes.set(model, idx);
  return idx;
}

/** Per model, per pod index: the resolved endpoint and its public form, built once (probes repeat pods). */
const podEndpoints = new WeakMap<CompiledModel, ({ resolved: ResolvedEndpoint; plain: Endpoint } | undefined)[]>();

function podEndpoint(model: CompiledModel, i: number): ResolvedEndpoint {
  let cache = podEndpoints.get(model);
  if (!cache) { cache = new Array(model.cluster.pods.length); podEndpoints.set(model, cache); }
  const hit = cache[i];
  if (hit) return hit.resolved;
  const p = model.cluster.pods[i];
  const id = `${p.namespace}/${p.name}`;
  // Shared between verdicts, hence frozen: a consumer cannot change another verdict's endpoint.
  const resolved: ResolvedEndpoint = Object.freeze({ kind: 'pod', id, namespace: p.namespace, name: p.name, ip: p.ip, index: i, addr: model.podIps[i] });
  const plain: Endpoint = Object.freeze({ kind: 'pod', id, namespace: p.namespace, name: p.name, ip: p.ip, index: i });
  cache[i] = { resolved, plain };
  return resolved;
}

/** Resolves a probe endpoint: 'namespace/pod', 'ip:<address>', or an external's name. */
export function resolveEndpoint(model: CompiledModel, text: string): ResolvedEndpoint | { error: string } {
  if (typeof text !== 'string' || text === '') return { error: 'empty endpoint' };
  if (text.startsWith('ip:')) {
    const addr = parseIp(text.slice(3));
    if (!addr) return { error: `invalid IP address in endpoint \`${text}\`` };
    const hit = ipIndex(model).get(formatIp(addr));
    if (hit?.pod !== undefined) return podEndpoint(model, hit.pod);
    if (hit?.external !== undefined) {
      const e = model.cluster.externals[hit.external];
      return { kind: 'external', id: e.name, name: e.name, ip: formatIp(addr), addr };
    }
    return { kind: 'external', id: `ip:${formatIp(addr)}`, ip: formatIp(addr), addr };
  }
  if (text.includes('/')) {
    const i = model.podIndex.get(text);
    if (i === undefined) return { error: `unknown endpoint \`${text}\`: no such pod` };
    return podEndpoint(model, i);
  }
  const e = model.cluster.externals.find((x) => x.name === text);
  if (!e) return { error: `unknown endpoint \`${text}\`: use namespace/pod, ip:<address> or an external's name` };
  const addr = parseIp(e.ip);
  if (!addr) return { error: `external \`${text}\` has an invalid IP` };
  return { kind: 'external', id: e.name, name: e.name, ip: formatIp(addr), addr };
}

/** Resolves the probed port on the destination: a number stays, a name needs a matching container port. */
export function resolvePort(model: CompiledModel, dst: ResolvedEndpoint, port: number | string, protocol: Protocol): number | { error: string } {
  if (typeof port === 'number') {
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `port ${port} must be between 1 and 65535, inclusive` };
    return port;
  }
  if (/^[0-9]+$/.test(port)) return resolvePort(model, dst, Number(port), protocol);
  if (dst.kind !== 'pod') return { error: `named port \`${port}\` cannot be resolved: destination \`${dst.id}\` is not a pod` };
  const cp = model.cluster.pods[dst.index].ports.find((p) => p.name === port && p.protocol === protocol);
  if (!cp) return { error: `named port \`${port}\` (${protocol}) is not declared by destination pod \`${dst.id}\`` };
  return cp.containerPort;
}

/** True when a peer matches the endpoint (pod peers match pods only; ipBlock matches any IP, pods' too). */
export function peerMatches(model: CompiledModel, peer: CompiledPeer, ep: ResolvedEndpoint): boolean {
  switch (peer.kind) {
    case 'pods':
      return ep.kind === 'pod' && (peer.mask ?? peerPodMask(model, peer))[ep.index] === 1;
    case 'ipBlock':
      return ipBlockContains(peer, ep.addr);
    default: {
      const never: never = peer;
      throw new Error(`unexpected peer ${JSON.stringify(never)}`);
    }
  }
}

/** True when a rule port matches the probed port; named ports resolve on the destination pod. */
export function portMatches(model: CompiledModel, port: CompiledPort, ctx: PortContext): boolean {
  if (port.protocol !== ctx.protocol) return false;
  switch (port.kind) {
    case 'any-port':
      return true;
    case 'number':
      return port.port === ctx.port;
    case 'range':
      return ctx.port >= port.port && ctx.port <= port.endPort;
    case 'named':
      if (ctx.dstPod < 0) return false;
      for (const c of model.cluster.pods[ctx.dstPod].ports) if (c.name === port.name && c.protocol === port.protocol && c.containerPort === ctx.port) return true;
      return false;
    default: {
      const never: never = port;
      throw new Error(`unexpected port ${JSON.stringify(never)}`);
    }
  }
}

/** True when a rule matches: (no peers or some peer matches) AND (no ports or some port matches). */
export function ruleMatches(model: CompiledModel, rule: CompiledRule, peer: ResolvedEndpoint, ctx: PortContext): boolean {
  return peersMatch(model, rule, peer) && portsMatch(model, rule, ctx);
}

/** True when the rule has no peers or one of them matches (loops, not closures: this runs per rule per probe). */
function peersMatch(model: CompiledModel, rule: CompiledRule, peer: ResolvedEndpoint): boolean {
  const peers = rule.peers;
  if (peers === null) return true;
  for (let i = 0; i < peers.length; i++) if (peerMatches(model, peers[i], peer)) return true;
  return false;
}

function portsMatch(model: CompiledModel, rule: CompiledRule, ctx: PortContext): boolean {
  const ports = rule.ports;
  if (ports === null) return true;
  for (let i = 0; i < ports.length; i++) if (portMatches(model, ports[i], ctx)) return true;
  return false;
}

/** Fast decision of one direction: true when not isolated or some rule of an isolating policy matches. */
export function directionAllows(model: CompiledModel, policyIdxs: number[], dir: 'ingress' | 'egress', peer: ResolvedEndpoint, ctx: PortContext): boolean {
  if (policyIdxs.length === 0) return true;
  for (const pi of policyIdxs) {
    const rules = dir === 'ingress' ? model.policies[pi].ingress : model.policies[pi].egress;
    for (const r of rules) if (ruleMatches(model, r, peer, ctx)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Reasons
// ---------------------------------------------------------------------------------------------

function labelText(labels: Record<string, string>, key: string): string {
  return Object.prototype.hasOwnProperty.call(labels, key) ? `${key}=${labels[key]}` : `no label ${key} (labels: ${formatLabels(labels)})`;
}

/** Why labels fail a selector: the first failing requirement and the labels' value for its key. */
export function selectorMiss(sel: CompiledSelector, labels: Record<string, string>, who: string): string | null {
  if (sel.kind === 'all') return null;
  for (const [k, v] of sel.labels) {
    if (labels[k] !== v || !Object.prototype.hasOwnProperty.call(labels, k)) return `wants ${k}=${v}, ${who} has ${labelText(labels, k)}`;
  }
  for (const r of sel.exprs) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const req = formatRequirement({ key: r.key, operator: r.op, values: 'values' in r ? [...r.values] : undefined });
    switch (r.op) {
      case 'In':
        if (!has || !r.values.has(labels[r.key])) return `wants ${req}, ${who} has ${labelText(labels, r.key)}`;
        break;
      case 'NotIn':
        if (has && r.values.has(labels[r.key])) return `wants ${req}, ${who} has ${r.key}=${labels[r.key]}`;
        break;
      case 'Exists':
        if (!has) return `wants label ${r.key} to exist, ${who} has ${labelText(labels, r.key)}`;
        break;
      case 'DoesNotExist':
        if (has) return `wants no label ${r.key}, ${who} has ${r.key}=${labels[r.key]}`;
        break;
    }
  }
  return null;
}

function peerMiss(model: CompiledModel, peer: CompiledPeer, ep: ResolvedEndpoint, role: string): string {
  switch (peer.kind) {
    case 'ipBlock': {
      if (!ipBlockContains({ ...peer, except: [] }, ep.addr)) return `${peer.path}.ipBlock ${peer.cidr.text} does not contain ${role} ${ep.id === ep.ip ? ep.ip : `${ep.id} (${ep.ip})`}`;
      const ex = peer.except.find((e) => ipBlockContains({ ...peer, cidr: e, except: [] }, ep.addr));
      return `${peer.path}.ipBlock.except ${ex?.text ?? ''} excludes ${role} ${ep.id === ep.ip ? ep.ip : `${ep.id} (${ep.ip})`}`;
    }
    case 'pods': {
      if (ep.kind !== 'pod') return `${peer.path} selects pods only, ${role} ${ep.id} is not a pod (use an ipBlock)`;
      if (peer.namespaces.kind === 'same') {
        if (ep.namespace !== peer.namespaces.namespace) {
          return `${peer.path}.podSelector only selects pods in namespace ${peer.namespaces.namespace} (no namespaceSelector), ${role} ${ep.id} is in namespace ${ep.namespace}`;
        }
      } else {
        const nsLabels = model.namespaceLabels.get(ep.namespace) ?? {};
        const m = selectorMiss(peer.namespaces.selector, nsLabels, `namespace ${ep.namespace}`);
        if (m) return `${peer.path}.namespaceSelector ${m}`;
      }
      const m = selectorMiss(peer.pods, model.cluster.pods[ep.index].labels, `pod ${ep.id}`);
      if (m) return `${peer.path}.podSelector ${m}`;
      return `${peer.path} does not match ${role} ${ep.id}`;
    }
    default: {
      const never: never = peer;
      throw new Error(`unexpected peer ${JSON.stringify(never)}`);
    }
  }
}

/** Short text of a rule port: '80/TCP', '8000-9000/TCP', 'http/TCP', 'any port/UDP'. */
export function formatCompiledPort(p: CompiledPort): string {
  switch (p.kind) {
    case 'any-port':
      return `any port/${p.protocol}`;
    case 'number':
      return `${p.port}/${p.protocol}`;
    case 'range':
      return `${p.port}-${p.endPort}/${p.protocol}`;
    case 'named':
      return `${p.name}/${p.protocol}`;
    default: {
      const never: never = p;
      throw new Error(`unexpected port ${JSON.stringify(never)}`);
    }
  }
}

function portMiss(model: CompiledModel, rule: CompiledRule, ctx: PortContext, probePort: number | string): string {
  const ports = rule.ports ?? [];
  const shown = typeof probePort === 'string' && !/^[0-9]+$/.test(probePort) ? `${ctx.port}/${ctx.protocol} (${probePort})` : `${ctx.port}/${ctx.protocol}`;
  let s = `port ${shown} is not in ${rule.path}.ports (${ports.map(formatCompiledPort).join(', ')})`;
  const notes: string[] = [];
  for (const p of ports) {
    if (p.kind !== 'named' || p.protocol !== ctx.protocol) continue;
    if (ctx.dstPod < 0) { notes.push(`named port ${p.name} only resolves on a destination pod`); continue; }
    const pod = model.cluster.pods[ctx.dstPod];
    const cp = pod.ports.find((c) => c.name === p.name && c.protocol === p.protocol);
    notes.push(cp ? `${p.name} is ${cp.containerPort}/${cp.protocol} on ${pod.namespace}/${pod.name}` : `named port ${p.name} is not declared by ${pod.namespace}/${pod.name}`);
  }
  if (notes.length > 0) s += `; ${notes.join('; ')}`;
  return s;
}

/**
 * A rule miss whose reason text is built on first read: grading reads one reason per denied direction
 * (summarizeVerdict) while a probe can miss many rules. `reason` is an own enumerable accessor (one shared
 * getter/setter pair, so every miss has the same hidden class), so a miss still reads, compares (Jest),
 * spreads and serializes (JSON, structuredClone) like a plain RuleMiss; what the text needs is kept in
 * private fields, which none of those see.
 */
class LazyRuleMiss {
  readonly #model: CompiledModel;
  readonly #rule: CompiledRule;
  readonly #peerOk: boolean;
  readonly #peer: ResolvedEndpoint;
  readonly #ctx: PortContext;
  readonly #probePort: number | string;
  #reason: string | undefined = undefined;

  constructor(model: CompiledModel, r: CompiledRule, peerOk: boolean, peer: ResolvedEndpoint, ctx: PortContext, probePort: number | string) {
    this.#model = model;
    this.#rule = r;
    this.#peerOk = peerOk;
    this.#peer = peer;
    this.#ctx = ctx;
    this.#probePort = probePort;
    // Own properties in RuleMiss order (JSON and Object.keys follow it): the ref's, reason, failed*.
    const ref = r.ref;
    const failed = peerOk ? r.failed.ports : r.failed.peers;
    const self = this as unknown as Record<string, unknown>;
    self.policy = ref.policy;
    self.direction = ref.direction;
    self.index = ref.index;
    self.path = ref.path;
    self.line = ref.line;
    self.document = ref.document;
    Object.defineProperty(this, 'reason', REASON_PROPERTY);
    self.failedPath = failed.path;
    self.failedLine = failed.line;
  }

  /** The reason text, formatted on first use. */
  static reasonOf(m: LazyRuleMiss): string {
    if (m.#reason === undefined) m.#reason = missReason(m.#model, m.#rule, m.#peerOk, m.#peer, m.#ctx, m.#probePort);
    return m.#reason;
  }

  /** Replaces the reason text (a consumer rewording it). */
  static setReason(m: LazyRuleMiss, text: string): void {
    m.#reason = text;
  }
}

const REASON_PROPERTY: PropertyDescriptor = {
  get(this: LazyRuleMiss): string {
    return LazyRuleMiss.reasonOf(this);
  },
  set(this: LazyRuleMiss, text: string): void {
    LazyRuleMiss.setReason(this, text);
  },
  enumerable: true,
  configurable: true,
};

function ruleMiss(model: CompiledModel, r: CompiledRule, peerOk: boolean, peer: ResolvedEndpoint, ctx: PortContext, probePort: number | string): RuleMiss {
  return new LazyRuleMiss(model, r, peerOk, peer, ctx, probePort) as unknown as RuleMiss;
}

/** The first reason a rule did not match: each peer's miss, or the port miss when a peer matched. */
function missReason(model: CompiledModel, r: CompiledRule, peerOk: boolean, peer: ResolvedEndpoint, ctx: PortContext, probePort: number | string): string {
  if (peerOk) return portMiss(model, r, ctx, probePort);
  const role = r.direction === 'ingress' ? 'source' : 'destination';
  return (r.peers ?? []).map((x) => peerMiss(model, x, peer, role)).join('; ');
}

/** The full verdict of one direction: every allowing rule, or every isolating policy and each rule's miss. */
export function directionVerdict(
  model: CompiledModel,
  policyIdxs: number[],
  dir: 'ingress' | 'egress',
  peer: ResolvedEndpoint,
  ctx: PortContext,
  probePort: number | string,
): DirectionVerdict {
  if (policyIdxs.length === 0) return NOT_ISOLATED;
  let by: RuleRef[] | null = null;
  // Misses only matter when no rule allows: once one does, they are no longer collected.
  const misses: RuleMiss[] = [];
  const isolatedBy: PolicyRef[] = new Array(policyIdxs.length);
  for (let k = 0; k < policyIdxs.length; k++) {
    const p = model.policies[policyIdxs[k]];
    isolatedBy[k] = p.ref;
    const rules = dir === 'ingress' ? p.ingress : p.egress;
    // Every rule is checked (no short-circuit), so `by` lists every allowing rule.
    for (let j = 0; j < rules.length; j++) {
      const r = rules[j];
      const peerOk = peersMatch(model, r, peer);
      if (peerOk && portsMatch(model, r, ctx)) {
        if (by === null) by = [];
        by.push(r.ref);
      } else if (by === null) {
        misses.push(ruleMiss(model, r, peerOk, peer, ctx, probePort));
      }
    }
  }
  if (by !== null) return { kind: 'allowed', by, isolatedBy };
  return { kind: 'denied', isolatedBy, rules: misses };
}

/** Shared verdict parts without data (frozen: consumers cannot change another verdict's). */
const NOT_ISOLATED: DirectionVerdict = Object.freeze({ kind: 'not-isolated' });
const NOT_APPLICABLE: DirectionVerdict = Object.freeze({ kind: 'not-applicable' });

function stripEndpoint(model: CompiledModel, e: ResolvedEndpoint): Endpoint {
  if (e.kind === 'pod') {
    // The cached public form of a cached pod endpoint (both frozen, shared by verdicts).
    const hit = podEndpoints.get(model)?.[e.index];
    if (hit && hit.resolved === e) return hit.plain;
  }
  if (e.kind === 'pod') return { kind: 'pod', id: e.id, namespace: e.namespace, name: e.name, ip: e.ip, index: e.index };
  const out: Endpoint = { kind: 'external', id: e.id, ip: e.ip };
  if (e.name !== undefined) out.name = e.name;
  return out;
}

function failed(probe: Verdict['probe'], error: string, source?: Endpoint, destination?: Endpoint): Verdict {
  const v: Verdict = { allowed: false, probe, self: false, egress: NOT_APPLICABLE, ingress: NOT_APPLICABLE, error };
  if (source) v.source = source;
  if (destination) v.destination = destination;
  return v;
}

/** Evaluates one probe, collecting every allowing rule and every miss reason (see the algorithm above). */
export function evaluate(model: CompiledModel, probe: Probe): Verdict {
  const protocol: Protocol = probe.protocol ?? 'TCP';
  const normalized = { from: probe.from, to: probe.to, port: probe.port, protocol };
  if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') return failed(normalized, `unsupported protocol \`${String(protocol)}\`: use TCP, UDP or SCTP`);
  const src = resolveEndpoint(model, probe.from);
  if ('error' in src) return failed(normalized, src.error);
  const dst = resolveEndpoint(model, probe.to);
  if ('error' in dst) return failed(normalized, dst.error, stripEndpoint(model, src));
  const port = resolvePort(model, dst, probe.port, protocol);
  if (typeof port !== 'number') return failed(normalized, port.error, stripEndpoint(model, src), stripEndpoint(model, dst));
  const ctx: PortContext = { port, protocol, dstPod: dst.kind === 'pod' ? dst.index : -1 };
  const egress = src.kind === 'pod' ? directionVerdict(model, model.egressPolicies[src.index], 'egress', dst, ctx, probe.port) : NOT_APPLICABLE;
  const ingress = dst.kind === 'pod' ? directionVerdict(model, model.ingressPolicies[dst.index], 'ingress', src, ctx, probe.port) : NOT_APPLICABLE;
  const self = src.kind === 'pod' && dst.kind === 'pod' && src.index === dst.index;
  const allowed = self || (egress.kind !== 'denied' && ingress.kind !== 'denied');
  const v: Verdict = { allowed, probe: normalized, self, egress, ingress, source: stripEndpoint(model, src), destination: stripEndpoint(model, dst) };
  if (typeof probe.port === 'string') v.resolvedPort = port;
  return v;
}
