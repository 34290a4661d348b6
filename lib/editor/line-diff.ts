/** A line diff (longest common subsequence) for "your answer vs the reference solution". */

/** One diff line: kept, only in the learner's answer (del) or only in the solution (add). */
export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/** Lines are compared with trailing whitespace ignored; inputs are capped so the table stays small. */
export function diffLines(ours: string, theirs: string, maxLines = 2000): DiffLine[] {
  // An empty answer has no lines (not one empty line), so the diff is all additions.
  const a = ours.trim() === '' ? [] : ours.replace(/\s+$/, '').split('\n').slice(0, maxLines);
  const b = theirs.replace(/\s+$/, '').split('\n').slice(0, maxLines);
  const norm = (s: string) => s.replace(/\s+$/, '');
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = norm(a[i]) === norm(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (norm(a[i]) === norm(b[j])) {
      out.push({ op: 'same', text: b[j] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ op: 'del', text: a[i++] });
    } else {
      out.push({ op: 'add', text: b[j++] });
    }
  }
  while (i < n) out.push({ op: 'del', text: a[i++] });
  while (j < m) out.push({ op: 'add', text: b[j++] });
  return out;
}
