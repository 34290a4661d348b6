import { reachability } from '@/lib/netpol';
import { applyPolicies, applySubmission, getScenarioBase, matrixEndpoints, matrixPorts, type MatrixPort } from '@/lib/scenarios/apply';
import type { TProtocol, TScenario } from '@/lib/scenarios/schema';
import { flowKey } from './expectation-toggle';

export { flowKey, toggleExpectationYaml, type TFlow } from './expectation-toggle';

/** One cell of the author's matrix: the reference's verdict and the expectation on it, if any. */
export type TAuthorCell = {
  /** The reference's verdict; null when the cell does not apply (named port the destination lacks, unresolved endpoint). */
  allowed: boolean | null;
  /** Index into the scenario's expectations when one tests exactly this cell. */
  expectation: number | null;
  /** A pod to itself: always allowed, useless as an expectation. */
  self: boolean;
};

/** The reference solution's connectivity (write) or the existing policies' (predict), one grid per task port. */
export type TAuthorMatrix = {
  /** What the verdicts come from. */
  source: 'solution' | 'existing-policies';
  endpoints: string[];
  grids: { port: number | string; protocol: TProtocol; cells: TAuthorCell[][] }[];
  /** Expectations on endpoints outside the matrix (ip:<addr>) or ports outside the task's ports. */
  offMatrix: number[];
};

/**
 * Computes the matrix the author clicks on. Returns `{ error }` when the reference does not validate
 * (the matrix would mean nothing) or the cluster/existing policies are broken.
 */
export function buildAuthorMatrix(scenario: TScenario): TAuthorMatrix | { error: string } {
  let model;
  try {
    if (scenario.kind === 'write') {
      const applied = applySubmission(scenario, scenario.solution ?? '');
      if (applied.errors.length > 0) return { error: `the reference solution does not validate: ${applied.errors[0].message}` };
      model = applied.model;
    } else {
      model = applyPolicies(scenario, []).model;
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const cluster = scenario.cluster;
  const endpoints = matrixEndpoints(getScenarioBase(scenario).cluster);
  const ports: MatrixPort[] = matrixPorts(scenario);
  const byKey = new Map<string, number>();
  scenario.expectations.forEach((e, i) => byKey.set(flowKey(e), i));
  const used = new Set<number>();
  const podPorts = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p.ports]));
  const grids = ports.map((p) => {
    const m = reachability(model, endpoints, p.port, p.protocol);
    const bad = new Set(m.unresolved ?? []);
    const applies = endpoints.map((to) => {
      if (typeof p.port === 'number') return true;
      return (podPorts.get(to) ?? []).some((cp) => cp.name === p.port && cp.protocol === p.protocol);
    });
    const cells = endpoints.map((from, i) =>
      endpoints.map((to, j): TAuthorCell => {
        const idx = byKey.get(flowKey({ from, to, port: p.port, protocol: p.protocol }));
        if (idx !== undefined) used.add(idx);
        const known = applies[j] && !bad.has(i) && !bad.has(j);
        return { allowed: known ? m.allowed[i][j] : null, expectation: idx ?? null, self: i === j };
      }),
    );
    return { port: p.port, protocol: p.protocol, cells };
  });
  const offMatrix = scenario.expectations.map((_, i) => i).filter((i) => !used.has(i));
  return { source: scenario.kind === 'write' ? 'solution' : 'existing-policies', endpoints, grids, offMatrix };
}

