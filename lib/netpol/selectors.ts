import type { CompiledRequirement, CompiledSelector, LabelSelector } from './types';

/** Compiles a label selector once into a tagged union; absent or `{}` selects everything. */
export function compileSelector(sel: LabelSelector | undefined): CompiledSelector {
  const labels = Object.entries(sel?.matchLabels ?? {});
  const exprs: CompiledRequirement[] = (sel?.matchExpressions ?? []).map((e) => {
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        return { op: e.operator, key: e.key, values: new Set(e.values ?? []) };
      case 'Exists':
      case 'DoesNotExist':
        return { op: e.operator, key: e.key };
      default: {
        const never: never = e.operator;
        throw new Error(`unexpected selector operator ${String(never)}`);
      }
    }
  });
  if (labels.length === 0 && exprs.length === 0) return { kind: 'all' };
  return { kind: 'match', labels, exprs, text: formatSelector(sel) };
}

/** True when a compiled requirement holds for the labels (NotIn/DoesNotExist hold when the key is absent). */
export function matchRequirement(r: CompiledRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'In':
      return has && r.values.has(labels[r.key]);
    case 'NotIn':
      return !has || !r.values.has(labels[r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default: {
      const never: never = r;
      throw new Error(`unexpected requirement ${JSON.stringify(never)}`);
    }
  }
}

/** True when the labels satisfy the compiled selector (matchLabels AND matchExpressions). */
export function matchSelector(sel: CompiledSelector, labels: Record<string, string>): boolean {
  if (sel.kind === 'all') return true;
  for (const [k, v] of sel.labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false;
  }
  for (const r of sel.exprs) if (!matchRequirement(r, labels)) return false;
  return true;
}

/** Text of one requirement as k8s.io/apimachinery labels.Requirement.String() prints it. */
export function formatRequirement(r: { key: string; operator: string; values?: string[] }): string {
  const vals = [...(r.values ?? [])].sort();
  switch (r.operator) {
    case 'In':
      return `${r.key} in (${vals.join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${vals.join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    default:
      return `${r.key} ${r.operator} (${vals.join(',')})`;
  }
}

/**
 * kubectl-style selector text (metav1.FormatLabelSelector): requirements sorted by key, e.g.
 * 'app=web,tier in (a,b),!x'; '<none>' for an absent or empty selector.
 */
export function formatSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) reqs.push({ key: e.key, text: formatRequirement(e) });
  if (reqs.length === 0) return '<none>';
  // Stable sort by key, as labels.Selector sorts its requirements.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** Labels as 'k=v,k2=v2' sorted by key, '<none>' when empty (for explanations). */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k]}`).join(',');
}
