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
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
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
    if (c === want) continue;
    const d = editDistance(want, c);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
