import { positionOf } from './parse';
import type { Diagnostic, NetworkPolicy } from './types';
import type { LintCode } from './lint';

/** Builds a lint warning located at `path` of the policy (falling back to the nearest parent with a position). */
export function finding(p: NetworkPolicy, code: LintCode, path: string, message: string): Diagnostic {
  const pos = positionOf(p.source.positions, path) ?? (p.source.line ? { line: p.source.line, column: p.source.column ?? 1 } : undefined);
  const d: Diagnostic = { severity: 'warning', code, path, message: `${p.namespace}/${p.name}: ${message}`, document: p.source.document };
  if (pos) {
    d.line = pos.line;
    d.column = pos.column;
  }
  return d;
}

/** Edit distance with adjacent transpositions (optimal string alignment): `wbe` is one step from `web`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Three rolling rows (i-2, i-1, i) instead of the full matrix: this runs for every candidate label.
  let prev2 = new Int32Array(b.length + 1);
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/**
 * The closest candidate to `want` within a small edit distance (a third of its length, at least 1, at most 3),
 * or undefined; ties go to the first candidate in sorted order so the suggestion is deterministic.
 */
export function nearest(want: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(want.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of [...new Set(candidates)].sort()) {
    // The length difference is a lower bound of the distance.
    if (c === want || Math.abs(c.length - want.length) > limit) continue;
    const d = editDistance(want, c);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
