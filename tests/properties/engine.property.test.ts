/**
 * Property tests of the engine's NetworkPolicy semantics (issue 3), on random small clusters and
 * random valid policies, through the public API only (parseCluster / parsePolicies / compile /
 * evaluate / reachability). Each property compares two engine runs, so none restates the engine.
 */
import fc from 'fast-check';
import { evaluate, reachability } from '@/lib/netpol';
import type { CompiledModel, Verdict } from '@/lib/netpol';
import {
  EMPTY_NAMESPACE,
  EXTERNAL,
  NAMESPACES,
  PROBE_PORTS,
  build,
  clusterArb,
  endpoints,
  policiesArb,
  policyArb,
  specArb,
  type ClusterInput,
  type PolicyInput,
} from './arbitraries';

const RUNS = { numRuns: 150 };

type Cell = { from: string; to: string; port: number | string; protocol: 'TCP' | 'UDP' | 'SCTP' };

function cells(cluster: ClusterInput): Cell[] {
  const eps = endpoints(cluster);
  return eps.flatMap((from) => eps.filter((to) => to !== from).flatMap((to) => PROBE_PORTS.map((p) => ({ from, to, ...p }))));
}

/** The comparable part of a verdict: the decision and the kind of each direction. */
function shape(v: Verdict): string {
  return `${v.allowed ? 'allowed' : 'denied'} egress=${v.egress.kind} ingress=${v.ingress.kind}${v.error ? ` error=${v.error}` : ''}`;
}

function probeText(c: Cell): string {
  return `${c.from} -> ${c.to} ${c.protocol}/${c.port}`;
}

function namespaceOf(cluster: ClusterInput, endpoint: string): string | null {
  return cluster.pods.some((p) => `${p.namespace}/${p.name}` === endpoint) ? endpoint.split('/')[0] : null;
}

function evalAll(model: CompiledModel, cluster: ClusterInput): Map<string, Verdict> {
  return new Map(cells(cluster).map((c) => [probeText(c), evaluate(model, c)]));
}

describe('engine properties', () => {
  test('a policy selecting no pods changes no verdict', () => {
    const noPodPolicy = fc.oneof(
      // a selector on a label no generated pod carries
      specArb.map((spec) => ({ ...spec, podSelector: { matchLabels: { 'netpol-lab/never': 'set' } } })),
      // every pod of a namespace that has none
      specArb.map((spec) => ({ ...spec, podSelector: {} })),
    );
    fc.assert(
      fc.property(clusterArb, policiesArb, noPodPolicy, fc.boolean(), (cluster, policies, spec, inEmptyNs) => {
        const extra: PolicyInput = {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'selects-nothing', namespace: inEmptyNs || Object.keys(spec.podSelector as object).length === 0 ? EMPTY_NAMESPACE : 'n1' },
          spec,
        };
        const before = evalAll(build(cluster, policies), cluster);
        const after = evalAll(build(cluster, [...policies, extra]), cluster);
        for (const [probe, v] of before) expect({ probe, verdict: shape(after.get(probe)!) }).toEqual({ probe, verdict: shape(v) });
      }),
      RUNS,
    );
  });

  test('adding a policy never denies what an already-isolated pod allowed (rules are unioned)', () => {
    fc.assert(
      fc.property(clusterArb, policiesArb, policyArb('added'), (cluster, policies, added) => {
        const before = evalAll(build(cluster, policies), cluster);
        const after = evalAll(build(cluster, [...policies, added]), cluster);
        for (const [probe, v] of before) {
          const w = after.get(probe)!;
          if (v.ingress.kind === 'allowed') expect({ probe, ingress: w.ingress.kind }).toEqual({ probe, ingress: 'allowed' });
          if (v.egress.kind === 'allowed') expect({ probe, egress: w.egress.kind }).toEqual({ probe, egress: 'allowed' });
          const isolatedOrNa = (k: string) => k === 'allowed' || k === 'not-applicable';
          if (v.allowed && isolatedOrNa(v.ingress.kind) && isolatedOrNa(v.egress.kind)) expect({ probe, allowed: w.allowed }).toEqual({ probe, allowed: true });
        }
      }),
      RUNS,
    );
  });

  test('`ingress: [{}]` with `policyTypes: [Ingress]` allows all ingress to the selected pods', () => {
    const target = fc.record({ ns: fc.constantFrom(...NAMESPACES), app: fc.option(fc.constantFrom('web', 'db', 'api'), { nil: undefined }) });
    fc.assert(
      fc.property(clusterArb, policiesArb, target, (cluster, policies, { ns, app }) => {
        const allowAll: PolicyInput = {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'allow-all-ingress', namespace: ns },
          spec: { podSelector: app ? { matchLabels: { app } } : {}, ingress: [{}], policyTypes: ['Ingress'] },
        };
        const model = build(cluster, [...policies, allowAll]);
        const selected = cluster.pods.filter((p) => p.namespace === ns && (!app || p.labels.app === app)).map((p) => `${p.namespace}/${p.name}`);
        // numeric ports only: how a probe by a port name the destination lacks is reported is the engine's choice
        for (const c of cells(cluster).filter((c) => selected.includes(c.to) && typeof c.port === 'number')) {
          const v = evaluate(model, c);
          expect({ probe: probeText(c), ingress: v.ingress.kind }).toEqual({ probe: probeText(c), ingress: 'allowed' });
          if (v.ingress.kind === 'allowed')
            expect({ probe: probeText(c), by: v.ingress.by.some((r) => r.policy === `${ns}/allow-all-ingress`) }).toEqual({ probe: probeText(c), by: true });
          // the decision then rests on the source's egress alone
          expect({ probe: probeText(c), allowed: v.allowed }).toEqual({ probe: probeText(c), allowed: v.egress.kind !== 'denied' });
        }
      }),
      RUNS,
    );
  });

  test('a policy in namespace n never changes a verdict whose source and destination both lie outside n', () => {
    fc.assert(
      fc.property(clusterArb, policiesArb, fc.constantFrom(...NAMESPACES).chain((ns) => policyArb('local', ns)), (cluster, policies, local) => {
        const n = local.metadata.namespace;
        const before = evalAll(build(cluster, policies), cluster);
        const after = evalAll(build(cluster, [...policies, local]), cluster);
        for (const c of cells(cluster)) {
          if (namespaceOf(cluster, c.from) === n || namespaceOf(cluster, c.to) === n) continue;
          const probe = probeText(c);
          expect({ probe, verdict: shape(after.get(probe)!) }).toEqual({ probe, verdict: shape(before.get(probe)!) });
        }
      }),
      RUNS,
    );
  });

  test('reachability() agrees with evaluate() on every cell', () => {
    fc.assert(
      fc.property(clusterArb, policiesArb, (cluster, policies) => {
        const model = build(cluster, policies);
        const eps = endpoints(cluster);
        for (const { port, protocol } of PROBE_PORTS) {
          const m = reachability(model, eps, port, protocol);
          expect(m.endpoints).toEqual(eps);
          eps.forEach((from, i) =>
            eps.forEach((to, j) => {
              const probe = `${from} -> ${to} ${protocol}/${port}`;
              expect({ probe, allowed: m.allowed[i][j] }).toEqual({ probe, allowed: evaluate(model, { from, to, port, protocol }).allowed });
            }),
          );
        }
      }),
      RUNS,
    );
  });

  test('the decision is the AND of the two directions, and every direction carries its reasons', () => {
    fc.assert(
      fc.property(clusterArb, policiesArb, (cluster, policies) => {
        const model = build(cluster, policies);
        for (const c of cells(cluster)) {
          const v = evaluate(model, c);
          const probe = probeText(c);
          if (v.error) {
            expect({ probe, allowed: v.allowed }).toEqual({ probe, allowed: false });
            continue;
          }
          expect({ probe, allowed: v.allowed }).toEqual({ probe, allowed: v.egress.kind !== 'denied' && v.ingress.kind !== 'denied' });
          for (const d of [v.egress, v.ingress]) {
            if (d.kind === 'allowed') expect({ probe, allowedBy: d.by.length > 0 }).toEqual({ probe, allowedBy: true });
            if (d.kind === 'denied') {
              expect({ probe, isolatedBy: d.isolatedBy.length > 0 }).toEqual({ probe, isolatedBy: true });
              expect({ probe, reasons: d.rules.every((r) => r.reason.length > 0) }).toEqual({ probe, reasons: true });
            }
          }
          // the source's egress applies only to pods, the destination's ingress likewise
          expect({ probe, egress: v.egress.kind === 'not-applicable' }).toEqual({ probe, egress: c.from === EXTERNAL.name });
          expect({ probe, ingress: v.ingress.kind === 'not-applicable' }).toEqual({ probe, ingress: c.to === EXTERNAL.name });
        }
      }),
      RUNS,
    );
  });

  test('a pod may always reach itself, and the verdict says so', () => {
    fc.assert(
      fc.property(clusterArb, policiesArb, (cluster, policies) => {
        const model = build(cluster, policies);
        for (const p of cluster.pods)
          // a probe by a port name the pod lacks is an invalid probe (the engine reports an error), not loopback traffic
          for (const { port, protocol } of PROBE_PORTS.filter((x) => typeof x.port === 'number')) {
            const id = `${p.namespace}/${p.name}`;
            const v = evaluate(model, { from: id, to: id, port, protocol });
            expect({ id, port, allowed: v.allowed, self: v.self }).toEqual({ id, port, allowed: true, self: true });
          }
      }),
      RUNS,
    );
  });
});
