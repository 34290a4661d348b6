/** Where a piece of feedback points. */
export type TFeedbackItem = {
  kind: 'error' | 'failed' | 'requirement' | 'lint';
  line: number | null;
  title: string;
  detail: string | null;
};

/** What a replay may show of a stored grade: errors, failed checks and lint (never passed expectations' hidden data). */
export type TReplayFeedback = {
  items: TFeedbackItem[];
  /** Items keyed by 1-based line of the submitted YAML. */
  byLine: Map<number, TFeedbackItem[]>;
  /** Items with no line in the submission (e.g. a flow decided by a pre-existing policy). */
  unpinned: TFeedbackItem[];
};

type TRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is TRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): TRecord[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function expectationLine(e: TRecord): number | null {
  const direct = num(e.policyLine) ?? num(e.line);
  if (direct) return direct;
  for (const p of arr(e.pointers)) if (p.inSubmission === true && num(p.line)) return num(p.line);
  return null;
}

/**
 * Project a stored grade report (lib/scenarios GradeReport, possibly redacted) onto the submitted YAML's lines.
 * Only failures are shown: a replay follows the same reveal rule as a fresh failed submission.
 */
export function toReplayFeedback(results: unknown): TReplayFeedback {
  const r = isRecord(results) ? results : {};
  const items: TFeedbackItem[] = [];
  for (const e of arr(r.errors)) {
    items.push({ kind: 'error', line: num(e.line), title: str(e.message) || 'invalid submission', detail: e.path ? `at ${str(e.path)}${num(e.column) ? `, column ${num(e.column)}` : ''}` : null });
  }
  // Stored reports carry every expectation, or (redacted) only the failed ones, possibly under `failed`.
  const expectations = [...arr(r.expectations), ...arr(r.failed)].filter((e) => e.passed !== true);
  const seen = new Set<string>();
  for (const e of expectations) {
    const flow = `${str(e.from)} → ${str(e.to)} :${str(e.port)}/${str(e.protocol) || 'TCP'}`;
    if (seen.has(flow)) continue;
    seen.add(flow);
    const why = str(e.why);
    items.push({
      kind: 'failed',
      line: expectationLine(e),
      title: `${flow}: expected ${str(e.expected)}, got ${str(e.actual)}`,
      detail: [str(e.reason), why ? `Why: ${why}` : ''].filter(Boolean).join('\n') || null,
    });
  }
  for (const q of arr(r.requirements)) {
    if (q.passed === true) continue;
    items.push({ kind: 'requirement', line: null, title: `Requirement not met: ${str(q.description)}`, detail: str(q.reason) || null });
  }
  for (const l of arr(r.lint)) {
    items.push({ kind: 'lint', line: num(l.line), title: `${str(l.code)}: ${str(l.message)}`, detail: null });
  }
  const byLine = new Map<number, TFeedbackItem[]>();
  const unpinned: TFeedbackItem[] = [];
  for (const it of items) {
    if (it.line === null) unpinned.push(it);
    else byLine.set(it.line, [...(byLine.get(it.line) ?? []), it]);
  }
  return { items, byLine, unpinned };
}
