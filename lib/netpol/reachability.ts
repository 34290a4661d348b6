/**
 * Reachability matrices: every ordered pair of endpoints on one port/protocol, decided with the same
 * matchers as evaluate() but without building reasons, and rendered as the upstream e2e truth table.
 *
 * Cost: each peer is matched once against each endpoint (a mask), then each destination's ingress and each
 * source's egress are computed as masks over the endpoints, so a cell is two array reads.
 */
import { peerMatches, portMatches, resolveEndpoint, resolvePort, type PortContext, type ResolvedEndpoint } from './evaluate';
import type { CompiledModel, CompiledPeer, CompiledRule, Matrix, MatrixJson, Protocol } from './types';

type Ctx = { model: CompiledModel; eps: (ResolvedEndpoint | null)[]; ctxs: (PortContext | null)[]; peerMasks: Map<CompiledPeer, Uint8Array> };

/** Which endpoints a peer matches (computed once per peer per matrix). */
function peerMask(c: Ctx, peer: CompiledPeer): Uint8Array {
  let m = c.peerMasks.get(peer);
  if (m) return m;
  m = new Uint8Array(c.eps.length);
  c.eps.forEach((e, i) => { if (e && peerMatches(c.model, peer, e)) m![i] = 1; });
  c.peerMasks.set(peer, m);
  return m;
}

function portsOk(c: Ctx, rule: CompiledRule, ctx: PortContext): boolean {
  return rule.ports === null || rule.ports.some((p) => portMatches(c.model, p, ctx));
}

/** Sources (by endpoint index) the ingress of destination j allows. */
function ingressMask(c: Ctx, policyIdxs: number[], ctx: PortContext): Uint8Array {
  const n = c.eps.length;
  const out = new Uint8Array(n);
  if (policyIdxs.length === 0) return out.fill(1);
  for (const pi of policyIdxs) {
    for (const rule of c.model.policies[pi].ingress) {
      if (!portsOk(c, rule, ctx)) continue;
      if (rule.peers === null) return out.fill(1);
      for (const peer of rule.peers) {
        const m = peerMask(c, peer);
        for (let i = 0; i < n; i++) out[i] |= m[i];
      }
    }
  }
  return out;
}

/** Destinations (by endpoint index) the egress of a source allows. */
function egressMask(c: Ctx, policyIdxs: number[]): Uint8Array {
  const n = c.eps.length;
  const out = new Uint8Array(n);
  if (policyIdxs.length === 0) return out.fill(1);
  for (const pi of policyIdxs) {
    for (const rule of c.model.policies[pi].egress) {
      const masks = rule.peers === null ? null : rule.peers.map((p) => peerMask(c, p));
      for (let j = 0; j < n; j++) {
        if (out[j]) continue;
        const ctx = c.ctxs[j];
        if (!ctx) continue;
        if (masks !== null && !masks.some((m) => m[j] === 1)) continue;
        if (portsOk(c, rule, ctx)) out[j] = 1;
      }
    }
  }
  return out;
}

/** Computes the reachability matrix between endpoints on one port/protocol (rows: from, columns: to). */
export function reachability(model: CompiledModel, endpoints: string[], port: number | string, protocol: Protocol = 'TCP'): Matrix {
  const errors: string[] = [];
  const eps: (ResolvedEndpoint | null)[] = endpoints.map((e) => {
    const r = resolveEndpoint(model, e);
    if ('error' in r) { errors.push(r.error); return null; }
    return r;
  });
  const unresolved: number[] = [];
  eps.forEach((r, i) => { if (!r) unresolved.push(i); });
  // Port resolution depends only on the destination: once per column.
  const ctxs: (PortContext | null)[] = eps.map((dst) => {
    if (!dst) return null;
    const p = resolvePort(model, dst, port, protocol);
    if (typeof p !== 'number') { errors.push(p.error); return null; }
    return { port: p, protocol, dstPod: dst.kind === 'pod' ? dst.index : -1 };
  });
  const c: Ctx = { model, eps, ctxs, peerMasks: new Map() };
  const n = endpoints.length;
  // Pods isolated by the same set of policies share their masks: egress depends only on the policy set
  // (and the destination), ingress on the policy set and the resolved port, plus the pod itself only
  // when a rule names a port (named ports resolve on the destination pod).
  const ingressCache = new Map<string, Uint8Array>();
  const ingress: (Uint8Array | null)[] = eps.map((dst, j) => {
    const ctx = ctxs[j];
    if (!dst || !ctx) return null;
    const idxs = dst.kind === 'pod' ? model.ingressPolicies[dst.index] : [];
    const named = idxs.some((pi) => model.policies[pi].ingress.some((r) => r.ports?.some((p) => p.kind === 'named')));
    const key = `${idxs.join(',')}|${ctx.port}|${named ? ctx.dstPod : ''}`;
    let m = ingressCache.get(key);
    if (!m) { m = ingressMask(c, idxs, ctx); ingressCache.set(key, m); }
    return m;
  });
  const egressCache = new Map<string, Uint8Array>();
  const allowed: boolean[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<boolean>(n).fill(false);
    const src = eps[i];
    if (src) {
      const idxs = src.kind === 'pod' ? model.egressPolicies[src.index] : [];
      const key = idxs.join(',');
      let egress = egressCache.get(key);
      if (!egress) { egress = egressMask(c, idxs); egressCache.set(key, egress); }
      for (let j = 0; j < n; j++) {
        const dst = eps[j];
        const ing = ingress[j];
        if (!dst || !ing) continue;
        // "a pod cannot block access to itself"
        if (src.kind === 'pod' && dst.kind === 'pod' && src.index === dst.index) row[j] = true;
        else row[j] = egress[j] === 1 && ing[i] === 1;
      }
    }
    allowed.push(row);
  }
  const m: Matrix = { endpoints: [...endpoints], port, protocol, allowed, errors };
  if (unresolved.length > 0) m.unresolved = unresolved;
  return m;
}

/**
 * Renders a matrix as the upstream e2e truth table (test/e2e/network/netpol/truthtable.go PrettyPrint):
 * a tab-separated header `-` + destinations, one row per source; '.' allowed, 'X' denied, '?' undetermined.
 */
export function renderMatrix(m: Matrix): string {
  const bad = new Set(m.unresolved ?? []);
  const lines = [['-', ...m.endpoints].join('\t')];
  m.endpoints.forEach((from, i) => {
    const cells = m.endpoints.map((_, j) => (bad.has(i) || bad.has(j) ? '?' : m.allowed[i][j] ? '.' : 'X'));
    lines.push([from, ...cells].join('\t'));
  });
  return lines.join('\n');
}

/** JSON form of a matrix: allowed[from][to]. */
export function matrixToJson(m: Matrix): MatrixJson {
  const allowed: Record<string, Record<string, boolean>> = {};
  m.endpoints.forEach((from, i) => {
    allowed[from] = {};
    m.endpoints.forEach((to, j) => { allowed[from][to] = m.allowed[i][j]; });
  });
  const out: MatrixJson = { port: m.port, protocol: m.protocol, endpoints: [...m.endpoints], allowed };
  if (m.errors.length > 0) out.errors = [...m.errors];
  return out;
}
