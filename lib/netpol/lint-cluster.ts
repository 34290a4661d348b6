/**
 * Lint checks on the compiled model (policies against a cluster): NP003, NP004, NP005, NP009, NP010, NP011.
 */
import { cidrContains, parseCidr } from './cidr';
import { finding, nearest } from './lint-finding';
import { compileSelector, formatSelector, matchSelector } from './selectors';
import type { CompiledModel, Diagnostic, LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Pod } from './types';

/** Label pairs ('k=v') carried by a set of label maps. */
function pairsOf(labelSets: Record<string, string>[]): Set<string> {
  const s = new Set<string>();
  for (const l of labelSets) for (const [k, v] of Object.entries(l)) s.add(`${k}=${v}`);
  return s;
}

/** ' (did you mean `app=web`?)' for the first matchLabels pair no candidate carries but a near-miss exists. */
function didYouMean(sel: LabelSelector | undefined, labelSets: Record<string, string>[]): string {
  const pairs = pairsOf(labelSets);
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) {
    const want = `${k}=${v}`;
    if (pairs.has(want)) continue;
    const near = nearest(want, pairs);
    if (near) return ` (did you mean \`${near}\`?)`;
  }
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator !== 'In') continue;
    for (const v of e.values ?? []) {
      const want = `${e.key}=${v}`;
      if (pairs.has(want)) continue;
      const near = nearest(want, pairs);
      if (near) return ` (did you mean \`${near}\`?)`;
    }
  }
  return '';
}

/** Keys a selector requires to be present (matchLabels, In, Exists). */
function requiredKeys(sel: LabelSelector): string[] {
  const keys = Object.keys(sel.matchLabels ?? {});
  for (const e of sel.matchExpressions ?? []) if (e.operator === 'In' || e.operator === 'Exists') keys.push(e.key);
  return [...new Set(keys)];
}

type Ctx = {
  model: CompiledModel;
  pods: Pod[];
  /** Namespace labels (with kubernetes.io/metadata.name), computed once per lint run. */
  nsLabels: Record<string, string>[];
  /** Label keys some namespace carries. */
  nsKeys: Set<string>;
};

function namespacesMatching(ctx: Ctx, sel: LabelSelector): string[] {
  const c = compileSelector(sel);
  return ctx.model.cluster.namespaces.filter((_, i) => matchSelector(c, ctx.nsLabels[i])).map((n) => n.name);
}

function podsIn(ctx: Ctx, namespaces: string[], sel: LabelSelector | undefined): Pod[] {
  const c = compileSelector(sel);
  const out: Pod[] = [];
  for (const ns of namespaces) for (const i of ctx.model.podsByNamespace.get(ns) ?? []) if (matchSelector(c, ctx.pods[i].labels)) out.push(ctx.pods[i]);
  return out;
}

/** Pods a selector peer matches (a missing namespaceSelector means the policy's namespace). */
function peerPods(ctx: Ctx, p: NetworkPolicy, peer: NetworkPolicyPeer): Pod[] {
  if (peer.ipBlock) {
    const cidr = parseCidr(peer.ipBlock.cidr);
    if (!cidr) return [];
    const except = (peer.ipBlock.except ?? []).map(parseCidr).filter((c) => c !== null);
    return ctx.pods.filter((_, i) => {
      const ip = ctx.model.podIps[i];
      return ip && cidrContains(cidr, ip) && !except.some((e) => cidrContains(e, ip));
    });
  }
  const nss = peer.namespaceSelector ? namespacesMatching(ctx, peer.namespaceSelector) : [p.namespace];
  return podsIn(ctx, nss, peer.podSelector);
}

/** NP003/NP004/NP005/NP010 for one peer. */
function checkPeer(ctx: Ctx, p: NetworkPolicy, peer: NetworkPolicyPeer, path: string): Diagnostic[] {
  if (peer.ipBlock) {
    const covered = peerPods(ctx, p, peer);
    if (covered.length === 0) return [];
    const names = covered.slice(0, 3).map((x) => `\`${x.namespace}/${x.name}\``).join(', ') + (covered.length > 3 ? `, and ${covered.length - 3} more` : '');
    return [
      finding(p, 'NP010-ipblock-covers-pods', `${path}.ipBlock`, `${path}.ipBlock \`${peer.ipBlock.cidr}\` covers the IPs of ${covered.length} pod${covered.length === 1 ? '' : 's'} (${names}): ipBlock is meant for traffic outside the cluster and pod IPs change; select pods with podSelector/namespaceSelector (or add them to \`except\`)`),
    ];
  }
  // NP004: a namespaceSelector key no namespace carries.
  if (peer.namespaceSelector) {
    const missing = requiredKeys(peer.namespaceSelector).filter((k) => !ctx.nsKeys.has(k));
    if (missing.length > 0) {
      const k = missing[0];
      const v = peer.namespaceSelector.matchLabels?.[k];
      const named = v !== undefined && ctx.model.cluster.namespaces.some((n) => n.name === v);
      const hint = named ? `use \`kubernetes.io/metadata.name: ${v}\`, the label every namespace carries` : 'select a namespace by name with `kubernetes.io/metadata.name`, the label every namespace carries';
      return [finding(p, 'NP004-namespace-label-unknown', `${path}.namespaceSelector`, `${path}.namespaceSelector uses label \`${k}\` that no namespace carries, so it matches nothing: ${hint}`)];
    }
  }
  if (peerPods(ctx, p, peer).length > 0) return [];
  // NP003: both selectors in one peer (AND) match nothing, but each alone matches some pods.
  if (peer.namespaceSelector && peer.podSelector) {
    const nsAlone = podsIn(ctx, namespacesMatching(ctx, peer.namespaceSelector), undefined);
    const podAlone = podsIn(ctx, [p.namespace], peer.podSelector);
    if (nsAlone.length > 0 && podAlone.length > 0) {
      return [
        finding(p, 'NP003-and-peer-maybe-separate', `${path}.podSelector`, `${path} requires namespaceSelector \`${formatSelector(peer.namespaceSelector)}\` AND podSelector \`${formatSelector(peer.podSelector)}\` in one peer and matches no pod, while each alone matches pods: if either was meant, make them two peers (\`- podSelector\`)`),
      ];
    }
  }
  // NP005: selectors matching no pod; suggest a near-miss label.
  let hint = '';
  if (peer.podSelector) {
    const nss = peer.namespaceSelector ? namespacesMatching(ctx, peer.namespaceSelector) : [p.namespace];
    const scope = podsIn(ctx, nss, undefined);
    hint = didYouMean(peer.podSelector, (scope.length > 0 ? scope : ctx.pods).map((x) => x.labels));
  }
  if (!hint && peer.namespaceSelector) hint = didYouMean(peer.namespaceSelector, ctx.nsLabels);
  const what = [peer.namespaceSelector ? `namespaceSelector \`${formatSelector(peer.namespaceSelector)}\`` : '', peer.podSelector ? `podSelector \`${formatSelector(peer.podSelector)}\`${peer.namespaceSelector ? '' : ` in namespace \`${p.namespace}\``}` : '']
    .filter(Boolean)
    .join(' and ');
  return [finding(p, 'NP005-selector-matches-no-pod', path, `${path}: ${what} match${peer.namespaceSelector && peer.podSelector ? '' : 'es'} no pod, so this peer allows nothing${hint}`)];
}

/** NP009: a named port that no destination pod declares with that protocol. */
function checkNamedPorts(p: NetworkPolicy, ports: NetworkPolicyPort[] | undefined, dests: Pod[], path: string, who: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  (ports ?? []).forEach((port, k) => {
    if (typeof port.port !== 'string') return;
    const name = port.port;
    if (dests.some((d) => d.ports.some((c) => c.name === name && c.protocol === port.protocol))) return;
    const declared = dests.flatMap((d) => d.ports.filter((c) => c.protocol === port.protocol && c.name).map((c) => c.name as string));
    const near = nearest(name, declared);
    const otherProto = dests.some((d) => d.ports.some((c) => c.name === name));
    const extra = otherProto ? ` (it is declared with another protocol than ${port.protocol})` : near ? ` (did you mean \`${near}\`?)` : '';
    out.push(finding(p, 'NP009-named-port-undeclared', `${path}.ports[${k}].port`, `${path}.ports[${k}].port: named port \`${name}\`/${port.protocol} is declared by no ${who}, so it matches no traffic${extra}`));
  });
  return out;
}

/** Runs every cluster check on every compiled policy. */
export function lintCluster(model: CompiledModel): Diagnostic[] {
  const nsLabels = model.cluster.namespaces.map((n) => model.namespaceLabels.get(n.name) ?? n.labels);
  const ctx: Ctx = { model, pods: model.cluster.pods, nsLabels, nsKeys: new Set(nsLabels.flatMap((l) => Object.keys(l))) };
  const out: Diagnostic[] = [];
  for (const cp of model.policies) {
    const p = cp.policy;
    const selected = cp.selected.map((i) => ctx.pods[i]);
    // NP011: the policy selects no pod.
    if (selected.length === 0) {
      const inNs = podsIn(ctx, [p.namespace], undefined);
      const message =
        inNs.length === 0
          ? `the policy selects no pods because namespace \`${p.namespace}\` has none: it has no effect`
          : `spec.podSelector \`${formatSelector(p.spec.podSelector)}\` selects no pod in namespace \`${p.namespace}\`, so the policy has no effect${didYouMean(p.spec.podSelector, inNs.map((x) => x.labels))}`;
      out.push(finding(p, 'NP011-policy-selects-no-pods', 'spec.podSelector', message));
    }
    (p.spec.ingress ?? []).forEach((r, i) => {
      const base = `spec.ingress[${i}]`;
      (r.from ?? []).forEach((peer, j) => out.push(...checkPeer(ctx, p, peer, `${base}.from[${j}]`)));
      if (selected.length > 0) out.push(...checkNamedPorts(p, r.ports, selected, base, 'pod this policy selects'));
    });
    (p.spec.egress ?? []).forEach((r, i) => {
      const base = `spec.egress[${i}]`;
      (r.to ?? []).forEach((peer, j) => out.push(...checkPeer(ctx, p, peer, `${base}.to[${j}]`)));
      // Egress named ports resolve against the destination pods: those the rule's peers match (all pods if no peers).
      const dests = r.to && r.to.length > 0 ? [...new Set(r.to.flatMap((peer) => peerPods(ctx, p, peer)))] : ctx.pods;
      if (dests.length > 0) out.push(...checkNamedPorts(p, r.ports, dests, base, 'destination pod of this rule'));
    });
  }
  return out;
}
