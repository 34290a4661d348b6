import { Fragment, type ReactNode } from 'react';
import type { TCell } from '@/lib/editor/predict-answers';
import type { TPredictTable } from '@/lib/editor/predict-layout';

/**
 * One port's predict table (rows: sources, columns: destinations), shared by the answer grid and the graded
 * result grid so both lay a flow out at the same place. Headers stick to the top and left of a scrolling box,
 * so wide clusters stay readable; `renderCell` returns the `<td>` of each cell (null: not asked).
 */
export function PredictTable<C extends TCell>(props: {
  table: TPredictTable<C>;
  caption: ReactNode;
  renderCell: (cell: C | null, from: string, to: string) => ReactNode;
  /** A table without focusable cells (the result grid) makes its scrolling box a Tab stop, so the keyboard can scroll it. */
  scrollFocusable?: boolean;
}) {
  const { table, caption, renderCell, scrollFocusable } = props;
  const scroll = scrollFocusable ? { tabIndex: 0, role: 'region', 'aria-label': `Port ${table.port}/${table.protocol}` } : {};
  return (
    <div className="max-h-[70vh] max-w-full overflow-auto rounded border border-slate-300 bg-white" {...scroll}>
      <table className="border-separate border-spacing-0 text-xs" data-testid="predict-table" data-port={table.id}>
        <caption className="px-2 py-1 text-left text-sm font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 top-0 z-20 border-b border-r border-slate-300 bg-slate-100 px-2 py-1 text-left font-normal text-slate-600">
              <span aria-hidden="true">from ↓ to →</span>
              <span className="sr-only">source, then destination</span>
            </th>
            {table.cols.map((to) => (
              <th key={to} scope="col" className="sticky top-0 z-10 whitespace-nowrap border-b border-slate-300 bg-slate-100 px-2 py-1 text-left font-mono font-normal">
                {to}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((from, i) => (
            <tr key={from}>
              <th scope="row" className="sticky left-0 z-10 whitespace-nowrap border-b border-r border-slate-200 bg-slate-50 px-2 py-1 text-left font-mono font-normal">
                {from}
              </th>
              {table.cells[i].map((cell, j) => (
                <Fragment key={table.cols[j]}>{renderCell(cell, from, table.cols[j])}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The `<td>` of a flow that is not asked: visibly inert, and said so to screen readers. */
export function InertCell() {
  return (
    <td className="border-b border-slate-200 bg-slate-100 px-1 py-1 text-center text-slate-400" data-asked="false">
      <span aria-hidden="true">·</span>
      <span className="sr-only">not asked</span>
    </td>
  );
}
