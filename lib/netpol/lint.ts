/**
 * Lint: classic NetworkPolicy mistakes that are valid YAML but rarely what the author meant.
 * Checks are split as in cyclonus `pkg/linter`: `lint-spec.ts` reads the policies as written (no cluster needed),
 * `lint-cluster.ts` reads the compiled model (policies against a cluster). Findings are warnings, never errors.
 */
import { compile } from './compile';
import { lintCluster } from './lint-cluster';
import { lintSpecs } from './lint-spec';
import type { Cluster, CompiledModel, Diagnostic, NetworkPolicy } from './types';

/** The lint catalogue: one code per classic mistake. */
export type LintCode =
  /** Egress is isolated and some egress allowed, but no rule allows port 53: name lookups fail, so every allowed egress by name fails too. */
  | 'NP001-egress-without-dns'
  /** A namespaceSelector-only peer next to a podSelector-only peer: two peers are OR-ed, so far more is allowed than "those pods in those namespaces". */
  | 'NP002-separate-peers-maybe-and'
  /** One peer with both selectors (AND) matches no pod though each alone does: probably two peers were meant, so nothing is allowed. */
  | 'NP003-and-peer-maybe-separate'
  /** A namespaceSelector uses a label no namespace carries (often `name`): it matches nothing; `kubernetes.io/metadata.name` is the label every namespace has. */
  | 'NP004-namespace-label-unknown'
  /** A peer's selectors match no pod in the cluster (often a typo): the peer allows nothing. */
  | 'NP005-selector-matches-no-pod'
  /** policyTypes lists Egress with no egress rules in a policy that allows some ingress: all egress (DNS included) is denied as a side effect. */
  | 'NP006-egress-denied-all'
  /** Rules for a direction that policyTypes does not list: the API server keeps them but they are ignored. */
  | 'NP007-rules-ignored-by-policy-types'
  /** The policy is in another namespace than the task's: it selects pods only in its own namespace, so the task's pods are untouched. */
  | 'NP008-namespace-not-task'
  /** A named port that no destination pod declares (with that protocol): the port entry matches no traffic. */
  | 'NP009-named-port-undeclared'
  /** An ipBlock covers pod IPs: ipBlock is meant for traffic leaving/entering the cluster; pod IPs are ephemeral and CNIs differ. */
  | 'NP010-ipblock-covers-pods'
  /** spec.podSelector selects no pod in the policy's namespace: the policy has no effect. */
  | 'NP011-policy-selects-no-pods';

/** Which stage a check reads: the policies as written, or the policies compiled against a cluster. */
export type LintStage = 'spec' | 'cluster';

/** One catalogue entry: the mistake and its consequence (also shown to learners). */
export type LintRule = { code: LintCode; stage: LintStage; title: string; doc: string };

/** The documented catalogue, in code order. */
export const LINT_CATALOGUE: readonly LintRule[] = [
  { code: 'NP001-egress-without-dns', stage: 'spec', title: 'egress isolation without a DNS rule', doc: 'egress is isolated and some egress is allowed, but no rule allows UDP/TCP port 53: name lookups time out, so connections by service name fail even where allowed' },
  { code: 'NP002-separate-peers-maybe-and', stage: 'spec', title: 'two peers where one AND-peer was probably meant', doc: 'a `- namespaceSelector` peer next to a `- podSelector` peer is OR: every pod of those namespaces plus those pods of the policy\'s namespace are allowed, not "those pods in those namespaces"' },
  { code: 'NP003-and-peer-maybe-separate', stage: 'cluster', title: 'one AND-peer where two peers were probably meant', doc: 'namespaceSelector and podSelector in one peer must both hold; here that matches no pod although each alone matches some, so the peer allows nothing' },
  { code: 'NP004-namespace-label-unknown', stage: 'cluster', title: 'namespaceSelector on a label no namespace carries', doc: 'a namespaceSelector on a custom label (often `name`) that no namespace carries matches nothing; every namespace carries `kubernetes.io/metadata.name`' },
  { code: 'NP005-selector-matches-no-pod', stage: 'cluster', title: 'peer selector that matches no pod', doc: 'the peer\'s selectors match no pod in the cluster (often a typo in a label), so the peer allows nothing' },
  { code: 'NP006-egress-denied-all', stage: 'spec', title: 'Egress in policyTypes without egress rules', doc: 'a policy with ingress rules also lists Egress in policyTypes but has no egress rules: all egress of the selected pods, DNS included, is denied as a side effect (pure deny policies are not reported)' },
  { code: 'NP007-rules-ignored-by-policy-types', stage: 'spec', title: 'rules for a direction policyTypes does not list', doc: 'egress (or ingress) rules are present but policyTypes does not list that direction: the rules are ignored' },
  { code: 'NP008-namespace-not-task', stage: 'spec', title: 'policy outside the task\'s namespace', doc: 'a policy selects pods only in its own namespace; in another namespace it does not affect the task\'s pods' },
  { code: 'NP009-named-port-undeclared', stage: 'cluster', title: 'named port no destination pod declares', doc: 'named ports resolve against the destination pod\'s container ports; when no such pod declares the name (with that protocol) the port entry matches nothing' },
  { code: 'NP010-ipblock-covers-pods', stage: 'cluster', title: 'ipBlock covering pod IPs', doc: 'ipBlock is meant for cluster-external traffic; pod IPs change on restart and CNIs treat pod traffic in ipBlocks differently, so select pods with selectors' },
  { code: 'NP011-policy-selects-no-pods', stage: 'cluster', title: 'policy selecting no pods', doc: 'spec.podSelector matches no pod in the policy\'s namespace: the policy has no effect' },
];

/** Options of lintPolicies. */
export type LintOptions = {
  /** Enables the cluster checks. */
  cluster?: Cluster;
  /** An already compiled model of `cluster` and the same policies (saves a compile). */
  model?: CompiledModel;
  /** The namespace the task is about (enables NP008). */
  taskNamespace?: string;
  /**
   * The YAML the policies came from. Optional and not needed: findings are located through each policy's
   * source positions; accepted because callers pass it (the first engine contract listed it).
   */
  text?: string;
};

/** Lints policies: spec checks always, cluster checks when a cluster (or model) is given; sorted by document and line. */
export function lintPolicies(policies: NetworkPolicy[], opts: LintOptions = {}): Diagnostic[] {
  const model = opts.model ?? (opts.cluster ? compile(opts.cluster, policies) : undefined);
  const out = lintSpecs(policies, { taskNamespace: opts.taskNamespace, model });
  if (model) {
    // A peer reported as a probable AND slip (NP002) need not also be reported as matching nothing (NP005).
    // Findings start with the policy's 'namespace/name: ', so document + path + that prefix names one peer.
    const peerKey = (d: Diagnostic) => `${d.document}|${d.path}|${d.message.slice(0, d.message.indexOf(': '))}`;
    const slips = new Set(out.filter((d) => d.code === 'NP002-separate-peers-maybe-and').map(peerKey));
    out.push(...lintCluster(model).filter((d) => d.code !== 'NP005-selector-matches-no-pod' || !slips.has(peerKey(d))));
  }
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.document ?? 0) - (b.d.document ?? 0) || (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i)
    .map((x) => x.d);
}
