import { Fragment, type ReactNode } from 'react';

/** One port of a connectivity matrix: the endpoints (rows and columns alike) and a cell per source × destination. */
export type TMatrixGridData<TCell> = { endpoints: string[]; port: number | string; protocol: string; cells: TCell[][] };

/**
 * The table of one port's connectivity (rows: source, columns: destination), shared by the learner's result matrix
 * and the author's clickable matrix; `renderCell` returns the `<td>` of each flow. A scrollable region that takes
 * the keyboard focus, since wide clusters overflow on small screens.
 */
export function MatrixGrid<TCell>({ grid, renderCell }: { grid: TMatrixGridData<TCell>; renderCell: (cell: TCell, from: string, to: string) => ReactNode }) {
  const { endpoints, port, protocol } = grid;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Connectivity matrix for port ${port}/${protocol}`}>
      <table className="border-collapse font-mono text-xs">
        <caption className="mb-1 text-left font-sans text-sm font-semibold">
          Port {port}/{protocol}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="px-1 text-left font-sans font-normal text-slate-500">
              <span aria-hidden="true">from ↓ to →</span>
              <span className="sr-only">source, then destination</span>
            </th>
            {endpoints.map((to) => (
              <th key={to} scope="col" className="max-w-[5.5rem] truncate px-1 py-1 text-left font-normal" title={to}>
                {to}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {endpoints.map((from, i) => (
            <tr key={from} className="border-t border-slate-200">
              <th scope="row" className="whitespace-nowrap px-1 py-1 text-left font-normal">
                {from}
              </th>
              {grid.cells[i].map((cell, j) => (
                <Fragment key={endpoints[j]}>{renderCell(cell, from, endpoints[j])}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
