/**
 * Reachability matrices: every ordered pair of endpoints on one port/protocol, decided with the same
 * matchers as evaluate() but without building reasons, and rendered as the upstream e2e truth table.
 */
import { directionAllows, resolveEndpoint, resolvePort, type PortContext, type ResolvedEndpoint } from './evaluate';
import type { CompiledModel, Matrix, MatrixJson, Protocol } from './types';

/** Computes the reachability matrix between endpoints on one port/protocol (rows: from, columns: to). */
export function reachability(model: CompiledModel, endpoints: string[], port: number | string, protocol: Protocol = 'TCP'): Matrix {
  const errors: string[] = [];
  const resolved: (ResolvedEndpoint | null)[] = endpoints.map((e) => {
    const r = resolveEndpoint(model, e);
    if ('error' in r) { errors.push(r.error); return null; }
    return r;
  });
  const unresolved: number[] = [];
  resolved.forEach((r, i) => { if (!r) unresolved.push(i); });
  // Port resolution depends only on the destination: once per column.
  const ctxs: (PortContext | null)[] = resolved.map((dst) => {
    if (!dst) return null;
    const p = resolvePort(model, dst, port, protocol);
    if (typeof p !== 'number') { errors.push(p.error); return null; }
    return { port: p, protocol, dstPod: dst.kind === 'pod' ? dst.index : -1 };
  });
  const n = endpoints.length;
  const allowed: boolean[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<boolean>(n).fill(false);
    const src = resolved[i];
    if (src) {
      const egressPolicies = src.kind === 'pod' ? model.egressPolicies[src.index] : [];
      for (let j = 0; j < n; j++) {
        const dst = resolved[j];
        const ctx = ctxs[j];
        if (!dst || !ctx) continue;
        if (src.kind === 'pod' && dst.kind === 'pod' && src.index === dst.index) { row[j] = true; continue; }
        if (!directionAllows(model, egressPolicies, 'egress', dst, ctx)) continue;
        row[j] = dst.kind !== 'pod' || directionAllows(model, model.ingressPolicies[dst.index], 'ingress', src, ctx);
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
