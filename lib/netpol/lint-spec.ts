/**
 * Lint checks on the policies as written (validated and defaulted, no cluster needed): NP001, NP002, NP006, NP007,
 * NP008. NP001 uses the compiled model when there is one, to union DNS rules exactly per selected pod.
 */
import { finding } from './lint-finding';
import { compileSelector, formatSelector, matchSelector } from './selectors';
import type { CompiledModel, Diagnostic, LabelSelector, NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyPeer, NetworkPolicyPort } from './types';

/** Port names conventionally given to DNS container ports (CoreDNS: `dns`, `dns-tcp`). */
const DNS_PORT_NAMES = new Set(['dns', 'dns-tcp', 'dns-udp', 'domain']);

/** True when a port entry admits DNS (port 53 over UDP or TCP, a DNS port name, or any port). */
function portAllowsDns(p: NetworkPolicyPort): boolean {
  if (p.protocol !== 'UDP' && p.protocol !== 'TCP') return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'string') return DNS_PORT_NAMES.has(p.port);
  return p.endPort === undefined ? p.port === 53 : p.port <= 53 && 53 <= p.endPort;
}

/**
 * True when an egress rule admits DNS: it names port 53 (or a DNS port name), whatever its peers; or it allows
 * all ports to destinations that can include the cluster DNS (any destination, another namespace, an ipBlock),
 * not only pods of the policy's own namespace.
 */
function ruleAllowsDns(r: NetworkPolicyEgressRule): boolean {
  if (r.ports && r.ports.length > 0) return r.ports.some(portAllowsDns);
  return !r.to || r.to.length === 0 || r.to.some((peer) => peer.namespaceSelector !== undefined || peer.ipBlock !== undefined);
}

function sameSelector(a: LabelSelector, b: LabelSelector): boolean {
  return formatSelector(a) === formatSelector(b);
}

/**
 * NP001: egress isolated, some egress allowed, and no rule allows DNS. With a compiled model the union is exact:
 * some pod this policy selects has no DNS rule among all egress policies selecting it. Without one, a policy
 * in the same namespace with the same selector or `{}` and a DNS rule counts as covering.
 */
function checkDns(p: NetworkPolicy, all: NetworkPolicy[], model: CompiledModel | undefined): Diagnostic[] {
  const egress = p.spec.egress ?? [];
  if (!p.spec.policyTypes.includes('Egress') || egress.length === 0) return [];
  let covered: boolean;
  const cp = model?.policies.find((x) => x.policy === p);
  if (model && cp) {
    covered = cp.selected.every((pod) => model.egressPolicies[pod].some((k) => (model.policies[k].policy.spec.egress ?? []).some(ruleAllowsDns)));
  } else {
    covered = all.some(
      (q) =>
        q.namespace === p.namespace &&
        q.spec.policyTypes.includes('Egress') &&
        (formatSelector(q.spec.podSelector) === '<none>' || sameSelector(q.spec.podSelector, p.spec.podSelector)) &&
        (q.spec.egress ?? []).some(ruleAllowsDns),
    );
  }
  if (covered) return [];
  return [
    finding(p, 'NP001-egress-without-dns', 'spec.egress', 'egress is isolated and some egress is allowed, but no rule allows DNS (UDP and TCP port 53): name lookups from the selected pods will fail; add an egress rule for port 53 to the cluster DNS'),
  ];
}

function nsOnly(peer: NetworkPolicyPeer): boolean {
  return !!peer.namespaceSelector && !peer.podSelector && !peer.ipBlock;
}
function podOnly(peer: NetworkPolicyPeer): boolean {
  return !!peer.podSelector && !peer.namespaceSelector && !peer.ipBlock;
}

/** Pods of `namespaces` whose labels match `sel`. */
function countPods(model: CompiledModel, namespaces: string[], sel: LabelSelector | undefined): number {
  const c = compileSelector(sel);
  let n = 0;
  for (const ns of namespaces) for (const i of model.podsByNamespace.get(ns) ?? []) if (matchSelector(c, model.cluster.pods[i].labels)) n++;
  return n;
}

/**
 * True when the cluster supports the AND reading of a namespace-only peer next to a pod-only peer: the
 * podSelector matches no pod of the policy's namespace (where it alone looks) but matches pods in the
 * namespaces the namespaceSelector picks.
 */
function andReadingLikely(model: CompiledModel, p: NetworkPolicy, ns: NetworkPolicyPeer, pod: NetworkPolicyPeer): boolean {
  const nsSel = compileSelector(ns.namespaceSelector);
  const picked = model.cluster.namespaces.filter((n) => matchSelector(nsSel, model.namespaceLabels.get(n.name) ?? n.labels)).map((n) => n.name);
  return countPods(model, [p.namespace], pod.podSelector) === 0 && countPods(model, picked, pod.podSelector) > 0;
}

/**
 * NP002: a namespaceSelector-only peer directly next to a podSelector-only peer (the `- podSelector`
 * indentation slip). Without a cluster every such pair is reported; with one, only pairs the cluster supports
 * (see andReadingLikely), since "these namespaces, or these pods of mine" is a legitimate OR.
 */
function checkSeparatePeers(p: NetworkPolicy, model: CompiledModel | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scan = (peers: NetworkPolicyPeer[] | undefined, base: string, field: 'from' | 'to') => {
    (peers ?? []).forEach((peer, j) => {
      if (j === 0) return;
      const prev = peers![j - 1];
      const pair = nsOnly(prev) && podOnly(peer) ? { ns: prev, pod: peer, podAt: j } : podOnly(prev) && nsOnly(peer) ? { ns: peer, pod: prev, podAt: j - 1 } : null;
      if (!pair) return;
      const { ns, pod, podAt } = pair;
      if (model && !andReadingLikely(model, p, ns, pod)) return;
      out.push(
        finding(
          p,
          'NP002-separate-peers-maybe-and',
          // Located at the podSelector peer: that is the `-` to remove.
          `${base}.${field}[${podAt}]`,
          `${base}.${field}[${j - 1}] and ${base}.${field}[${j}] are two peers (OR): every pod in namespaces matching \`${formatSelector(ns.namespaceSelector)}\` is allowed, plus pods matching \`${formatSelector(pod.podSelector)}\` in namespace \`${p.namespace}\`; for "those pods in those namespaces" put podSelector in the same peer as namespaceSelector (no \`-\` before it)`,
        ),
      );
    });
  };
  (p.spec.ingress ?? []).forEach((r, i) => scan(r.from, `spec.ingress[${i}]`, 'from'));
  (p.spec.egress ?? []).forEach((r, i) => scan(r.to, `spec.egress[${i}]`, 'to'));
  return out;
}

/**
 * NP006 and NP007: policyTypes against the rules present (explicit policyTypes only; defaulting cannot cause
 * them). NP006 skips pure deny policies (no rules at all: default-deny, quarantine), whose intent is plain; it
 * reports a policy that allows some ingress while its policyTypes also cuts all egress as a side effect.
 */
function checkPolicyTypes(p: NetworkPolicy): Diagnostic[] {
  const out: Diagnostic[] = [];
  const types = p.spec.policyTypes;
  const nEgress = p.spec.egress?.length ?? 0;
  const nIngress = p.spec.ingress?.length ?? 0;
  if (types.includes('Egress') && nEgress === 0 && !p.spec.policyTypesDefaulted && types.includes('Ingress') && nIngress > 0) {
    out.push(finding(p, 'NP006-egress-denied-all', 'spec.policyTypes', `spec.policyTypes lists \`Egress\` but there are no egress rules: besides the ingress rules, all egress from the selected pods is denied, DNS included (intended?)`));
  }
  if (!types.includes('Egress') && nEgress > 0) {
    out.push(finding(p, 'NP007-rules-ignored-by-policy-types', 'spec.egress', `spec.egress has ${nEgress} rule${nEgress === 1 ? '' : 's'} but spec.policyTypes does not list \`Egress\`: the egress rules are ignored; add \`Egress\` to policyTypes`));
  }
  if (!types.includes('Ingress') && nIngress > 0) {
    out.push(finding(p, 'NP007-rules-ignored-by-policy-types', 'spec.ingress', `spec.ingress has ${nIngress} rule${nIngress === 1 ? '' : 's'} but spec.policyTypes does not list \`Ingress\`: the ingress rules are ignored; add \`Ingress\` to policyTypes`));
  }
  return out;
}

/** NP008: the policy lives in another namespace than the task's. */
function checkNamespace(p: NetworkPolicy, taskNamespace: string | undefined): Diagnostic[] {
  if (taskNamespace === undefined || p.namespace === taskNamespace) return [];
  return [
    finding(p, 'NP008-namespace-not-task', 'metadata.namespace', `the policy is in namespace \`${p.namespace}\` but the task is about namespace \`${taskNamespace}\`: a policy selects pods only in its own namespace; set metadata.namespace: ${taskNamespace}`),
  ];
}

/** Runs every spec check on every policy (policy order, then check order). */
export function lintSpecs(policies: NetworkPolicy[], opts: { taskNamespace?: string; model?: CompiledModel } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of policies) {
    out.push(...checkNamespace(p, opts.taskNamespace));
    out.push(...checkPolicyTypes(p));
    out.push(...checkDns(p, policies, opts.model));
    out.push(...checkSeparatePeers(p, opts.model));
  }
  return out;
}
