import type { NetworkPolicySpec } from './types';

/** API-server defaulting of a NetworkPolicySpec: protocol TCP on ports, policyTypes from ingress/egress presence. */
export function defaultPolicySpec(spec: Omit<NetworkPolicySpec, 'policyTypes'> & { policyTypes?: NetworkPolicySpec['policyTypes'] }): NetworkPolicySpec {
  void spec;
  throw new Error('not implemented');
}
