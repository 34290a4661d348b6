import type { GradeMatrix, MatrixCell } from '@/lib/scenarios/grade';
import { MatrixGrid } from './matrix-grid';

const SYMBOL = { allowed: '✓', denied: '✗' } as const;

function cellText(cell: MatrixCell): { symbol: string; label: string; className: string } {
  if (cell.actual === null) return { symbol: '·', label: 'not answered', className: 'text-slate-400' };
  const base = SYMBOL[cell.actual];
  if (cell.expected === undefined) return { symbol: base, label: cell.actual, className: cell.actual === 'allowed' ? 'text-emerald-800' : 'text-slate-600' };
  if (cell.mismatch) {
    return { symbol: `${base}≠`, label: `${cell.actual}, expected ${cell.expected}: wrong`, className: 'bg-rose-100 font-bold text-rose-900 ring-1 ring-inset ring-rose-400' };
  }
  return { symbol: `${base}=`, label: `${cell.actual}, as expected`, className: 'bg-emerald-50 font-semibold text-emerald-900' };
}

/** The connectivity matrix (rows: source, columns: destination), one table per task port; symbols and text, not colour alone. */
export function ConnectivityMatrix({ matrix, mode }: { matrix: GradeMatrix; mode: 'write' | 'predict' }) {
  const who = mode === 'predict' ? 'your answer' : 'your policies';
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600">
        Rows are sources, columns destinations. <span aria-hidden="true">✓</span> allowed, <span aria-hidden="true">✗</span> denied by {who};{' '}
        <span aria-hidden="true">=</span> matches a checked flow, <span aria-hidden="true">≠</span> a checked flow that is wrong.
      </p>
      {matrix.grids.map((grid) => (
        <MatrixGrid
          key={`${grid.port}/${grid.protocol}`}
          grid={{ endpoints: matrix.endpoints, ...grid }}
          renderCell={(cell, from, to) => {
            const t = cellText(cell);
            return (
              <td className={`px-1 py-1 text-center ${t.className}`} title={`${from} → ${to}: ${t.label}`}>
                <span aria-hidden="true">{t.symbol}</span>
                <span className="sr-only">{t.label}</span>
              </td>
            );
          }}
        />
      ))}
    </div>
  );
}
