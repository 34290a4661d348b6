/**
 * API-server defaulting for networking.k8s.io/v1 NetworkPolicy (pkg/apis/networking/v1/defaults.go):
 * - SetDefaults_NetworkPolicyPort: "Default any undefined Protocol fields to TCP."
 * - SetDefaults_NetworkPolicy: "Any policy that does not specify policyTypes implies at least "Ingress"", plus
 *   Egress when `len(spec.egress) != 0` — so `egress: []` does NOT add Egress, and `policyTypes: []` is defaulted.
 */
import type { LabelSelector, NetworkPolicyEgressRule, NetworkPolicyIngressRule, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec, PolicyType, Protocol } from './types';

/** A port before defaulting (protocol optional). */
export type UndefaultedPort = Omit<NetworkPolicyPort, 'protocol'> & { protocol?: Protocol };
/** A spec before defaulting (protocol and policyTypes optional). */
export type UndefaultedSpec = {
  podSelector?: LabelSelector;
  ingress?: { from?: NetworkPolicyPeer[]; ports?: UndefaultedPort[] }[];
  egress?: { to?: NetworkPolicyPeer[]; ports?: UndefaultedPort[] }[];
  policyTypes?: PolicyType[];
};

function defaultPorts(ports: UndefaultedPort[] | undefined): NetworkPolicyPort[] | undefined {
  if (ports === undefined) return undefined;
  return ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
}

/** API-server defaulting of a NetworkPolicySpec: protocol TCP on ports, policyTypes from ingress/egress presence. */
export function defaultPolicySpec(spec: UndefaultedSpec): NetworkPolicySpec {
  const out: NetworkPolicySpec = { podSelector: spec.podSelector ?? {}, policyTypes: [] };
  if (spec.ingress !== undefined) {
    out.ingress = spec.ingress.map((r): NetworkPolicyIngressRule => {
      const rule: NetworkPolicyIngressRule = {};
      if (r.from !== undefined) rule.from = r.from;
      const ports = defaultPorts(r.ports);
      if (ports !== undefined) rule.ports = ports;
      return rule;
    });
  }
  if (spec.egress !== undefined) {
    out.egress = spec.egress.map((r): NetworkPolicyEgressRule => {
      const rule: NetworkPolicyEgressRule = {};
      if (r.to !== undefined) rule.to = r.to;
      const ports = defaultPorts(r.ports);
      if (ports !== undefined) rule.ports = ports;
      return rule;
    });
  }
  if (spec.policyTypes && spec.policyTypes.length > 0) {
    out.policyTypes = [...spec.policyTypes];
  } else {
    out.policyTypes = ['Ingress'];
    if ((spec.egress?.length ?? 0) !== 0) out.policyTypes.push('Egress');
    out.policyTypesDefaulted = true;
  }
  return out;
}
