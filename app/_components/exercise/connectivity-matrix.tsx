import type { GradeMatrix, MatrixCell } from '@/lib/scenarios/grade';

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
        <div key={`${grid.port}/${grid.protocol}`} className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Connectivity matrix for port ${grid.port}/${grid.protocol}`}>
          <table className="border-collapse font-mono text-xs">
            <caption className="mb-1 text-left font-sans text-sm font-semibold">
              Port {grid.port}/{grid.protocol}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="px-1 text-left font-sans font-normal text-slate-500">
                  <span aria-hidden="true">from ↓ to →</span>
                  <span className="sr-only">source, then destination</span>
                </th>
                {matrix.endpoints.map((to) => (
                  <th key={to} scope="col" className="max-w-[5rem] truncate px-1 py-1 text-left font-normal" title={to}>
                    {to}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.endpoints.map((from, i) => (
                <tr key={from} className="border-t border-slate-200">
                  <th scope="row" className="whitespace-nowrap px-1 py-1 text-left font-normal">
                    {from}
                  </th>
                  {grid.cells[i].map((cell, j) => {
                    const t = cellText(cell);
                    return (
                      <td key={matrix.endpoints[j]} className={`px-1 py-1 text-center ${t.className}`} title={`${from} → ${matrix.endpoints[j]}: ${t.label}`}>
                        <span aria-hidden="true">{t.symbol}</span>
                        <span className="sr-only">{t.label}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
