import type { Verdict } from './types';

/** Multi-line explanation of a verdict. */
export function explainVerdict(v: Verdict): string {
  void v;
  throw new Error('not implemented');
}

/** One-line summary of a verdict (the CLI's and grader's "reason"). */
export function summarizeVerdict(v: Verdict): string {
  void v;
  throw new Error('not implemented');
}
