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
