/**
 * Renders verdicts as text: a multi-line explanation (golden-tested) and a one-line summary (the CLI's and
 * the grader's "reason"). Pure functions of the Verdict data.
 */
import type { DirectionVerdict, PolicyRef, RuleMiss, RuleRef, Verdict } from './types';

function at(line: number | undefined): string {
  return line ? ` (line ${line})` : '';
}

function ruleText(r: RuleRef): string {
  return `${r.policy} ${r.path}${at(r.line)}`;
}

function policiesText(ps: PolicyRef[]): string {
  return ps.map((p) => `${p.policy}${at(p.line)}`).join(', ');
}

function portText(v: Verdict): string {
  const p = v.probe;
  if (typeof p.port === 'string' && v.resolvedPort !== undefined && String(v.resolvedPort) !== p.port) return `${p.port} (${v.resolvedPort})/${p.protocol}`;
  return `${p.port}/${p.protocol}`;
}

function endpointText(v: Verdict, which: 'source' | 'destination'): string {
  const e = v[which];
  const raw = which === 'source' ? v.probe.from : v.probe.to;
  if (!e) return raw;
  return e.id === raw ? e.id : `${e.id} (${raw})`;
}

/** Policies of a direction that isolate but have no rules for it (deny-all for that direction). */
function noRulePolicies(d: Extract<DirectionVerdict, { kind: 'denied' }>): PolicyRef[] {
  return d.isolatedBy.filter((p) => !d.rules.some((r) => r.policy === p.policy));
}

function directionLines(d: DirectionVerdict, dir: 'egress' | 'ingress', who: string): string[] {
  const head = `${dir} of ${who}`;
  const Type = dir === 'egress' ? 'Egress' : 'Ingress';
  switch (d.kind) {
    case 'not-applicable':
      return [`${head}: not applicable (not a pod; NetworkPolicies only isolate pods)`];
    case 'not-isolated':
      return [`${head}: not isolated (no NetworkPolicy selecting it has ${Type} in policyTypes), so allowed`];
    case 'allowed': {
      const lines = [`${head}: isolated by ${policiesText(d.isolatedBy)}; allowed by:`];
      for (const r of d.by) lines.push(`  - ${ruleText(r)}`);
      return lines;
    }
    case 'denied': {
      const lines = [`${head}: isolated by ${policiesText(d.isolatedBy)}; no ${dir} rule matches, so denied:`];
      for (const p of noRulePolicies(d)) lines.push(`  - ${p.policy}${at(p.line)}: no ${dir} rules (denies all ${dir} of the pods it selects)`);
      for (const r of d.rules) lines.push(`  - ${ruleText(r)}: ${r.reason}`);
      return lines;
    }
    default: {
      const never: never = d;
      throw new Error(`unexpected direction verdict ${JSON.stringify(never)}`);
    }
  }
}

/** Multi-line explanation of a verdict: the decision, then each direction with its rules and reasons. */
export function explainVerdict(v: Verdict): string {
  const from = endpointText(v, 'source');
  const to = endpointText(v, 'destination');
  const head = `${v.allowed ? 'ALLOWED' : 'DENIED'}: ${from} -> ${to} on ${portText(v)}`;
  if (v.error) return `${head}\nerror: ${v.error}`;
  const lines = [head];
  if (v.self) {
    lines.push('traffic from a pod to itself is always allowed (a pod cannot block access to itself); policies, not applied:');
    for (const l of [...directionLines(v.egress, 'egress', from), ...directionLines(v.ingress, 'ingress', to)]) lines.push(`  ${l}`);
    return lines.join('\n');
  }
  lines.push(...directionLines(v.egress, 'egress', from));
  lines.push(...directionLines(v.ingress, 'ingress', to));
  return lines.join('\n');
}

function firstMiss(d: Extract<DirectionVerdict, { kind: 'denied' }>, dir: string): string {
  const empty = noRulePolicies(d);
  const parts: string[] = [];
  if (d.rules.length > 0) {
    const r: RuleMiss = d.rules[0];
    parts.push(`${r.policy} ${r.path}${at(r.line)}: ${r.reason}`);
    if (d.rules.length > 1) parts.push(`and ${d.rules.length - 1} more rule${d.rules.length > 2 ? 's' : ''} missed`);
  } else if (empty.length > 0) {
    parts.push(`${empty.map((p) => p.policy).join(', ')} ${empty.length > 1 ? 'have' : 'has'} no ${dir} rules`);
  }
  return parts.join(', ');
}

function summaryPart(d: DirectionVerdict, dir: 'egress' | 'ingress', who: string): string | null {
  switch (d.kind) {
    case 'not-applicable':
      return null;
    case 'not-isolated':
      return `${dir} of ${who} not isolated`;
    case 'allowed':
      return `${dir} of ${who} allowed by ${d.by.map(ruleText).join(', ')}`;
    case 'denied':
      return `${dir} of ${who} denied: isolated by ${d.isolatedBy.map((p) => p.policy).join(', ')}; ${firstMiss(d, dir)}`;
    default: {
      const never: never = d;
      throw new Error(`unexpected direction verdict ${JSON.stringify(never)}`);
    }
  }
}

/** One-line summary of a verdict (the CLI's and grader's "reason"). */
export function summarizeVerdict(v: Verdict): string {
  if (v.error) return `error: ${v.error}`;
  const from = v.source?.id ?? v.probe.from;
  const to = v.destination?.id ?? v.probe.to;
  if (v.self) return 'allowed: traffic from a pod to itself is always allowed';
  const e = summaryPart(v.egress, 'egress', from);
  const i = summaryPart(v.ingress, 'ingress', to);
  if (v.allowed) {
    const parts = [e, i].filter((x): x is string => x !== null);
    return parts.length === 0 ? 'allowed: neither endpoint is a pod, no NetworkPolicy applies' : `allowed: ${parts.join('; ')}`;
  }
  const denied = [v.egress.kind === 'denied' ? e : null, v.ingress.kind === 'denied' ? i : null].filter((x): x is string => x !== null);
  return `denied: ${denied.join(' | ')}`;
}
