import type { Cluster, CompiledModel, NetworkPolicy } from './types';

/** Compiles policies against a cluster: selectors and CIDRs decided once, pods indexed. */
export function compile(cluster: Cluster, policies: NetworkPolicy[]): CompiledModel {
  void cluster; void policies;
  throw new Error('not implemented');
}

/** Indexes (into model.cluster.pods) of pods in `namespace` matching the selector. */
export function selectPods(model: CompiledModel, namespace: string, selector: import('./types').LabelSelector): number[] {
  void model; void namespace; void selector;
  throw new Error('not implemented');
}

/** Indexes of pods a peer of a policy in `policyNamespace` matches (ipBlock: pods whose IP is inside). */
export function podsMatchingPeer(model: CompiledModel, policyNamespace: string, peer: import('./types').NetworkPolicyPeer): number[] {
  void model; void policyNamespace; void peer;
  throw new Error('not implemented');
}
