import type { GradeMatrix, MatrixCell } from '@/lib/scenarios/grade';
import { cellKey } from '@/lib/editor/predict-answers';
import { askedCellsOfResult, layoutPredict, type TGradedFlow } from '@/lib/editor/predict-layout';
import { InertCell, PredictTable } from './predict-table';

const SYMBOL = { allowed: '✓', denied: '✗' } as const;

function cellView(g: MatrixCell): { visible: string; label: string; className: string; verdict: 'right' | 'wrong' | 'unanswered' } {
  if (g.actual === null) {
    const truth = g.expected ? `; it is ${g.expected}` : '';
    return {
      visible: g.expected ? `? → ${SYMBOL[g.expected]}` : '?',
      label: `not answered${truth}`,
      className: 'bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-400',
      verdict: 'unanswered',
    };
  }
  if (g.mismatch && g.expected) {
    return {
      visible: `${SYMBOL[g.actual]} → ${SYMBOL[g.expected]}`,
      label: `you answered ${g.actual}, it is ${g.expected}: wrong`,
      className: 'bg-rose-100 font-bold text-rose-900 ring-1 ring-inset ring-rose-400',
      verdict: 'wrong',
    };
  }
  // Right: either marked so (after the reveal), or redacted to the answer alone (before it, right answers lose `expected`).
  return { visible: `${SYMBOL[g.actual]} =`, label: `you answered ${g.actual}: right`, className: 'bg-emerald-50 font-semibold text-emerald-900', verdict: 'right' };
}

/**
 * The graded predict answers in the answer sheet's layout (same tables, rows and columns): your answer vs the truth
 * per flow. `flows`: the failed flows before the reveal, every expectation after it (see askedCellsOfResult).
 */
export function PredictResultGrid({ matrix, flows }: { matrix: GradeMatrix; flows: readonly TGradedFlow[] }) {
  const layout = layoutPredict(askedCellsOfResult(matrix, flows));
  return (
    <div className="space-y-2" data-testid="predict-result-grid">
      <p className="text-xs text-slate-600">
        Rows are sources, columns destinations, as in your answer sheet. <span aria-hidden="true">✓</span> allowed,{' '}
        <span aria-hidden="true">✗</span> denied; <span aria-hidden="true">=</span> your answer is right; <span aria-hidden="true">→</span> a wrong answer, then the truth;{' '}
        <span aria-hidden="true">?</span> not answered.
      </p>
      <div className="flex flex-wrap items-start gap-4">
        {layout.tables.map((t) => (
          <PredictTable
            key={t.id}
            table={t}
            caption={`Port ${t.port}/${t.protocol}`}
            scrollFocusable
            renderCell={(c, from, to) => {
              if (!c) return <InertCell />;
              const v = cellView(c.graded);
              return (
                <td
                  className={`whitespace-nowrap border-b border-slate-200 px-2 py-1 text-center font-mono text-sm ${v.className}`}
                  title={`${from} → ${to}: ${v.label}`}
                  data-testid="predict-result-cell"
                  data-key={cellKey(c)}
                  data-verdict={v.verdict}
                >
                  <span aria-hidden="true">{v.visible}</span>
                  <span className="sr-only">{v.label}</span>
                </td>
              );
            }}
          />
        ))}
      </div>
    </div>
  );
}
