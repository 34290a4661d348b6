/**
 * `kubectl describe networkpolicy` text, following kubernetes/kubectl pkg/describe/describe.go
 * (`describeNetworkPolicy`, `describeNetworkPolicySpec`, `printNetworkPolicySpecIngressFrom`,
 * `printNetworkPolicySpecEgressTo`) and its `text/tabwriter` layout (minwidth 0, tabwidth 8, padding 2).
 */
import { formatSelector } from './selectors';
import type { LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from './types';

/** Options of describePolicy. */
export type DescribeOptions = {
  /**
   * The `Created on:` value. A policy read from YAML has no creationTimestamp, so the line is left out unless
   * this is given; a Date is printed as Go's time.Time.String() in UTC ('2026-01-02 15:04:05 +0000 UTC').
   */
  createdOn?: Date | string;
};

/** kubectl's PrefixWriter levels are two spaces each. */
function indent(level: number): string {
  return '  '.repeat(level);
}

/** Go's time.Time.String() for a UTC time: '2006-01-02 15:04:05 +0000 UTC'. */
export function formatGoTimeUtc(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

/**
 * A subset of Go's text/tabwriter (the `format` recursion over column blocks): a cell is text terminated by a
 * tab; consecutive lines that have a cell in the same column form a block padded to its widest cell + padding.
 */
export function tabwrite(text: string, padding = 2): string {
  const lines = text.split('\n');
  const trailing = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const cells = lines.map((l) => l.split('\t'));
  const width = (s: string) => [...s].length;
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];

  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = cells[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += j < widths.length && j < line.length - 1 ? c + ' '.repeat(Math.max(0, widths[j] - width(c))) : c;
      }
      out[i] = s;
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= cells[i].length - 1) continue;
      // A cell exists in this column: lines before it are printed with the current widths.
      write(line0, i);
      line0 = i;
      let w = 0;
      for (; i < line1; i++) {
        if (column >= cells[i].length - 1) break;
        w = Math.max(w, width(cells[i][column]) + padding);
      }
      widths.push(w);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    write(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (trailing ? '\n' : '');
}

/** printLabelsMultiline / printAnnotationsMultiline: first entry after the title's tab, the others after a lone tab. */
function printMap(title: string, m: Record<string, string> | undefined, annotations: boolean): string {
  // kubectl skips kubectl.kubernetes.io/last-applied-configuration in annotations.
  const keys = Object.keys(m ?? {})
    .filter((k) => !annotations || k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  const maxAnnotationLen = 140;
  let s = `${title}:\t`;
  keys.forEach((k, i) => {
    if (i !== 0) s += '\t';
    const value = m![k];
    if (!annotations) {
      s += `${k}=${value}\n`;
      return;
    }
    const v = value.replace(/\n$/, '');
    if (v.length + k.length + 2 > maxAnnotationLen || v.includes('\n')) {
      s += `${k}:\n`;
      for (const line of v.split('\n')) {
        const short = line.length > maxAnnotationLen - 2 ? `${line.slice(0, maxAnnotationLen - 2)}...` : line;
        s += `\t  ${short}\n`;
      }
    } else {
      s += `${k}: ${v}\n`;
    }
  });
  return s;
}

/** `%s` of an *intstr.IntOrString: '<nil>' when the port is absent (kubectl prints exactly that). */
function portText(p: NetworkPolicyPort): string {
  const port = p.port === undefined ? '<nil>' : String(p.port);
  return p.endPort === undefined ? `To Port: ${port}/${p.protocol}` : `To Port Range: ${port}-${p.endPort}/${p.protocol}`;
}

/** metav1.FormatLabelSelector: an empty selector prints '<none>'. */
function sel(s: LabelSelector): string {
  return formatSelector(s);
}

function printRules(
  rules: { peers?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[],
  dir: 'ingress' | 'egress',
): string {
  const ii = '    ';
  const peerTitle = dir === 'ingress' ? 'From' : 'To';
  if (rules.length === 0) return `${ii}<none> (Selected pods are isolated for ${dir} connectivity)\n`;
  let s = '';
  rules.forEach((r, i) => {
    if (!r.ports || r.ports.length === 0) s += `${ii}To Port: <any> (traffic allowed to all ports)\n`;
    else for (const p of r.ports) s += `${ii}${portText(p)}\n`;
    if (!r.peers || r.peers.length === 0) {
      s += dir === 'ingress' ? `${ii}From: <any> (traffic not restricted by source)\n` : `${ii}To: <any> (traffic not restricted by destination)\n`;
    } else {
      for (const peer of r.peers) {
        s += `${ii}${peerTitle}:\n`;
        if (peer.podSelector && peer.namespaceSelector) {
          s += `${indent(1)}${ii}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`;
          s += `${indent(1)}${ii}PodSelector: ${sel(peer.podSelector)}\n`;
        } else if (peer.podSelector) {
          s += `${indent(1)}${ii}PodSelector: ${sel(peer.podSelector)}\n`;
        } else if (peer.namespaceSelector) {
          s += `${indent(1)}${ii}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`;
        } else if (peer.ipBlock) {
          s += `${indent(1)}${ii}IPBlock:\n`;
          s += `${indent(2)}${ii}CIDR: ${peer.ipBlock.cidr}\n`;
          s += `${indent(2)}${ii}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`;
        }
      }
    }
    if (i !== rules.length - 1) s += `${ii}----------\n`;
  });
  return s;
}

/** Renders a policy as `kubectl describe networkpolicy` prints it (after API-server defaulting). */
export function describePolicy(p: NetworkPolicy, opts: DescribeOptions = {}): string {
  let s = `Name:\t${p.name}\n`;
  s += `Namespace:\t${p.namespace}\n`;
  if (opts.createdOn !== undefined) {
    s += `Created on:\t${typeof opts.createdOn === 'string' ? opts.createdOn : formatGoTimeUtc(opts.createdOn)}\n`;
  }
  s += printMap('Labels', p.labels, false);
  s += printMap('Annotations', p.annotations, true);
  const spec = p.spec;
  s += 'Spec:\n';
  const podSel = formatSelector(spec.podSelector);
  s += podSel === '<none>'
    ? `${indent(1)}PodSelector: ${indent(2)}<none> (Allowing the specific traffic to all pods in this namespace)\n`
    : `${indent(1)}PodSelector: ${indent(2)}${podSel}\n`;
  if (spec.policyTypes.includes('Ingress')) {
    s += `${indent(1)}Allowing ingress traffic:\n`;
    s += printRules((spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })), 'ingress');
  } else {
    s += `${indent(1)}Not affecting ingress traffic\n`;
  }
  if (spec.policyTypes.includes('Egress')) {
    s += `${indent(1)}Allowing egress traffic:\n`;
    s += printRules((spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports })), 'egress');
  } else {
    s += `${indent(1)}Not affecting egress traffic\n`;
  }
  s += `${indent(1)}Policy Types: ${spec.policyTypes.length > 0 ? spec.policyTypes.join(', ') : '<none>'}\n`;
  return tabwrite(s);
}

/** Describes several policies the way `kubectl describe networkpolicy` separates objects (a blank line). */
export function describePolicies(policies: NetworkPolicy[], opts: DescribeOptions = {}): string {
  return policies.map((p) => describePolicy(p, opts)).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// JSON form (`netpol describe --output json`): the same facts as the text, as data. Key order is fixed
// and documented in docs/engine-cli.md; absent ≠ empty is kept where Kubernetes gives it a meaning.
// ---------------------------------------------------------------------------------------------

/** A label selector as data plus kubectl's text for it ('<none>' for an empty selector, which matches everything). */
export type SelectorDescription = {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
  text: string;
};

/** One peer, in the four shapes describe distinguishes. */
export type PeerDescription =
  | { type: 'podSelector'; podSelector: SelectorDescription }
  | { type: 'namespaceSelector'; namespaceSelector: SelectorDescription }
  | { type: 'namespaceAndPodSelector'; namespaceSelector: SelectorDescription; podSelector: SelectorDescription }
  | { type: 'ipBlock'; cidr: string; except: string[] };

/** One port entry; `port` null = every port of the protocol. */
export type PortDescription = { protocol: string; port: number | string | null; endPort: number | null };

/** One rule; `ports` null = all ports and protocols, `peers` null = all sources (ingress) or destinations (egress). */
export type RuleDescription = { ports: PortDescription[] | null; peers: PeerDescription[] | null };

/** A policy as `netpol describe --output json` prints it. */
export type PolicyDescription = {
  name: string;
  namespace: string;
  createdOn: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  podSelector: SelectorDescription;
  policyTypes: string[];
  /** True when policyTypes was not written and the API server's defaulting filled it in. */
  policyTypesDefaulted: boolean;
  /** null: the policy does not affect ingress; []: selected pods are isolated for ingress and nothing is allowed. */
  ingress: RuleDescription[] | null;
  /** null: the policy does not affect egress; []: selected pods are isolated for egress and nothing is allowed. */
  egress: RuleDescription[] | null;
  /** Where the policy is in its file (0-based document, 1-based line). */
  source: { document: number; line: number | null };
  /** 'namespace/name' of the pods the policy selects, in cluster order; present only when a cluster was given. */
  selectedPods?: string[];
};

/** Options of describePolicyJson. */
export type DescribeJsonOptions = {
  /** As DescribeOptions.createdOn; a Date is printed as RFC 3339 in UTC. */
  createdOn?: Date | string;
  /** The pods the policy selects in a cluster ('namespace/name'), from the compiled model. */
  selectedPods?: string[];
};

function sortedRecord(m: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m ?? {}).sort()) out[k] = m![k];
  return out;
}

function selectorJson(s: LabelSelector): SelectorDescription {
  return {
    matchLabels: sortedRecord(s.matchLabels),
    matchExpressions: (s.matchExpressions ?? []).map((e) => ({ key: e.key, operator: e.operator, values: [...(e.values ?? [])] })),
    text: formatSelector(s),
  };
}

// The same precedence as printRules: a peer with both selectors is one namespace-and-pod peer.
function peerJson(peer: NetworkPolicyPeer): PeerDescription {
  if (peer.podSelector && peer.namespaceSelector) return { type: 'namespaceAndPodSelector', namespaceSelector: selectorJson(peer.namespaceSelector), podSelector: selectorJson(peer.podSelector) };
  if (peer.podSelector) return { type: 'podSelector', podSelector: selectorJson(peer.podSelector) };
  if (peer.namespaceSelector) return { type: 'namespaceSelector', namespaceSelector: selectorJson(peer.namespaceSelector) };
  if (peer.ipBlock) return { type: 'ipBlock', cidr: peer.ipBlock.cidr, except: [...(peer.ipBlock.except ?? [])] };
  // Validation refuses a peer with no field set; reaching here is a broken invariant.
  throw new Error('describe: a peer has none of podSelector, namespaceSelector, ipBlock');
}

function rulesJson(rules: { peers?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[]): RuleDescription[] {
  return rules.map((r) => ({
    ports: r.ports && r.ports.length > 0 ? r.ports.map((p) => ({ protocol: p.protocol, port: p.port ?? null, endPort: p.endPort ?? null })) : null,
    peers: r.peers && r.peers.length > 0 ? r.peers.map(peerJson) : null,
  }));
}

/** RFC 3339 in UTC, without fractional seconds when there are none. */
function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

/** The facts `describePolicy` prints, as data (`netpol describe --output json`). */
export function describePolicyJson(p: NetworkPolicy, opts: DescribeJsonOptions = {}): PolicyDescription {
  const spec = p.spec;
  const out: PolicyDescription = {
    name: p.name,
    namespace: p.namespace,
    createdOn: opts.createdOn === undefined ? null : typeof opts.createdOn === 'string' ? opts.createdOn : rfc3339(opts.createdOn),
    labels: sortedRecord(p.labels),
    // As in the text, kubectl's own bookkeeping annotation is left out.
    annotations: sortedRecord(Object.fromEntries(Object.entries(p.annotations ?? {}).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration'))),
    podSelector: selectorJson(spec.podSelector),
    policyTypes: [...spec.policyTypes],
    policyTypesDefaulted: spec.policyTypesDefaulted === true,
    ingress: spec.policyTypes.includes('Ingress') ? rulesJson((spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))) : null,
    egress: spec.policyTypes.includes('Egress') ? rulesJson((spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }))) : null,
    source: { document: p.source.document, line: p.source.line ?? null },
  };
  if (opts.selectedPods !== undefined) out.selectedPods = [...opts.selectedPods];
  return out;
}
