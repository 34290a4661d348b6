/**
 * fast-check generators for small clusters and valid NetworkPolicies, plus helpers that build a
 * compiled model through the engine's public API. Kept small (3 namespaces, up to 6 pods, a few label
 * values) so that random selectors often match something.
 */
import fc from 'fast-check';
import YAML from 'yaml';
import { compile, parseCluster, parsePolicies } from '@/lib/netpol';
import type { CompiledModel, Protocol } from '@/lib/netpol';

/** Namespace names of every generated cluster. */
export const NAMESPACES = ['n1', 'n2', 'n3'] as const;
/** A namespace that exists but never holds a pod. */
export const EMPTY_NAMESPACE = 'empty';
/** An external endpoint present in every generated cluster. */
export const EXTERNAL = { name: 'ext', ip: '192.168.5.5' };
/** Probed ports: numbers, a name, a port inside a range rule. */
export const PROBE_PORTS: { port: number | string; protocol: Protocol }[] = [
  { port: 80, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 'http', protocol: 'TCP' },
  { port: 9090, protocol: 'TCP' },
  { port: 60, protocol: 'TCP' },
];

/** Plain cluster input in the engine's model format. */
export type ClusterInput = {
  namespaces: { name: string; labels: Record<string, string> }[];
  pods: { namespace: string; name: string; labels: Record<string, string>; ip: string; ports: { name?: string; containerPort: number; protocol: Protocol }[] }[];
  externals: { name: string; ip: string }[];
};
/** A NetworkPolicy object as written in YAML. */
export type PolicyInput = { apiVersion: string; kind: string; metadata: { name: string; namespace: string }; spec: Record<string, unknown> };

const CONTAINER_PORTS = [
  { name: 'http', containerPort: 80, protocol: 'TCP' as Protocol },
  { name: 'dns', containerPort: 53, protocol: 'UDP' as Protocol },
  { name: 'metrics', containerPort: 9090, protocol: 'TCP' as Protocol },
  { name: 'alt', containerPort: 60, protocol: 'TCP' as Protocol },
];

const podLabels = fc.record(
  { app: fc.constantFrom('web', 'db', 'api'), tier: fc.constantFrom('fe', 'be') },
  { requiredKeys: [] },
);
const nsLabels = fc.record({ team: fc.constantFrom('red', 'blue'), env: fc.constantFrom('prod', 'dev') }, { requiredKeys: [] });

/** A random cluster: namespaces n1..n3 (+ an empty one), 1 to 6 pods with distinct IPs, one external. */
export const clusterArb: fc.Arbitrary<ClusterInput> = fc
  .record({
    nsLabels: fc.tuple(nsLabels, nsLabels, nsLabels),
    pods: fc.array(
      fc.record({ ns: fc.constantFrom(...NAMESPACES), labels: podLabels, ports: fc.subarray(CONTAINER_PORTS) }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ nsLabels: nl, pods }) => ({
    namespaces: [...NAMESPACES.map((name, i) => ({ name, labels: { ...nl[i] } })), { name: EMPTY_NAMESPACE, labels: {} }],
    pods: pods.map((p, i) => ({ namespace: p.ns, name: `p${i}`, labels: { ...p.labels }, ip: `10.9.${i % 2}.${i + 1}`, ports: p.ports })),
    externals: [EXTERNAL],
  }));

const podSelectorArb = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ app: fc.constantFrom('web', 'db', 'api') }) }),
  fc.record({ matchLabels: fc.record({ tier: fc.constantFrom('fe', 'be') }) }),
  fc.constantFrom('In', 'NotIn').chain((operator) =>
    fc.record({ matchExpressions: fc.tuple(fc.record({ key: fc.constant('app'), operator: fc.constant(operator), values: fc.subarray(['web', 'db', 'api'], { minLength: 1 }) })) }),
  ),
  fc.constantFrom('Exists', 'DoesNotExist').map((operator) => ({ matchExpressions: [{ key: 'tier', operator }] })),
);
const nsSelectorArb = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ team: fc.constantFrom('red', 'blue') }) }),
  fc.record({ matchLabels: fc.record({ 'kubernetes.io/metadata.name': fc.constantFrom(...NAMESPACES) }) }),
  fc.constantFrom('Exists', 'DoesNotExist').map((operator) => ({ matchExpressions: [{ key: 'env', operator }] })),
);
const peerArb = fc.oneof(
  fc.record({ podSelector: podSelectorArb }),
  fc.record({ namespaceSelector: nsSelectorArb }),
  fc.record({ podSelector: podSelectorArb, namespaceSelector: nsSelectorArb }),
  fc.record({ ipBlock: fc.constantFrom({ cidr: '10.9.0.0/16' }, { cidr: '10.9.0.0/16', except: ['10.9.1.0/24'] }, { cidr: '0.0.0.0/0' }, { cidr: '192.168.5.5/32' }) }),
);
const portArb = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(80, 53, 9090) }, { requiredKeys: ['port'] }),
  fc.record({ port: fc.constantFrom('http', 'dns', 'metrics') }),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }),
  fc.constant({ port: 50, endPort: 70 }),
);
const ruleArb = (peerKey: 'from' | 'to') =>
  fc.record({ [peerKey]: fc.array(peerArb, { maxLength: 2 }), ports: fc.array(portArb, { maxLength: 2 }) }, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;

/** The spec of a random valid policy (podSelector, optional rules, optional policyTypes). */
export const specArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      podSelector: podSelectorArb,
      ingress: fc.array(ruleArb('from'), { maxLength: 2 }),
      egress: fc.array(ruleArb('to'), { maxLength: 2 }),
      policyTypes: fc.subarray(['Ingress', 'Egress'], { minLength: 1 }),
    },
    { requiredKeys: ['podSelector'] },
  )
  .map((s) => s as Record<string, unknown>);

/** A random valid NetworkPolicy in one of the generated namespaces. */
export function policyArb(name: string, namespace?: string): fc.Arbitrary<PolicyInput> {
  return fc.record({ ns: namespace ? fc.constant(namespace) : fc.constantFrom(...NAMESPACES), spec: specArb }).map(({ ns, spec }) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns },
    spec,
  }));
}

/** 0 to 4 random policies with distinct names. */
export const policiesArb: fc.Arbitrary<PolicyInput[]> = fc
  .array(fc.constant(null), { maxLength: 4 })
  .chain((slots) => (slots.length ? fc.tuple(...slots.map((_, i) => policyArb(`gen-${i}`))) : fc.constant([] as PolicyInput[])));

/** Policies as one multi-document YAML text. */
export function toYaml(policies: PolicyInput[]): string {
  return policies.map((p) => YAML.stringify(p)).join('---\n');
}

/** Parses and compiles through the public API; throws with the diagnostics if the engine rejects valid input. */
export function build(cluster: ClusterInput, policies: PolicyInput[]): CompiledModel {
  const c = parseCluster(cluster);
  const clusterErrors = c.diagnostics.filter((d) => d.severity === 'error');
  if (!c.cluster || clusterErrors.length) throw new Error(`cluster rejected: ${JSON.stringify(clusterErrors)}\n${JSON.stringify(cluster)}`);
  const text = toYaml(policies);
  const p = parsePolicies(text);
  const policyErrors = p.diagnostics.filter((d) => d.severity === 'error');
  if (policyErrors.length) throw new Error(`valid policies rejected: ${JSON.stringify(policyErrors)}\n${text}`);
  if (p.policies.length !== policies.length) throw new Error(`parsePolicies returned ${p.policies.length} of ${policies.length} policies\n${text}`);
  return compile(c.cluster, p.policies);
}

/** Every endpoint of a cluster: its pods as 'ns/name' and the external by name. */
export function endpoints(cluster: ClusterInput): string[] {
  return [...cluster.pods.map((p) => `${p.namespace}/${p.name}`), EXTERNAL.name];
}
