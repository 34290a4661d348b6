'use client';

import { useState } from 'react';
import type { TAuthorMatrix } from '@/lib/authoring/matrix';
import type { TProtocol } from '@/lib/scenarios/schema';
import { MatrixGrid } from '@/app/_components/exercise/matrix-grid';

/** A cell the author clicked: the flow, the reference's verdict and whether an expectation is already on it. */
export type TMatrixClick = { from: string; to: string; port: number | string; protocol: TProtocol; allowed: boolean; hasExpectation: boolean };

type TPending = TMatrixClick & { why: string };

/**
 * The reference's connectivity, one table per task port. A click on a cell removes the expectation on it, or
 * asks for the one-line why and adds one with the reference's verdict.
 */
export function AuthorMatrix({ matrix, onToggle }: { matrix: TAuthorMatrix; onToggle: (click: TMatrixClick, why?: string) => string | null }) {
  const [pending, setPending] = useState<TPending | null>(null);
  const [error, setError] = useState<string | null>(null);

  const click = (c: TMatrixClick) => {
    setError(null);
    if (c.hasExpectation) {
      setPending(null);
      setError(onToggle(c));
    } else setPending({ ...c, why: '' });
  };

  const add = () => {
    if (!pending) return;
    if (pending.why.trim() === '') {
      setError('write the one-line why first');
      return;
    }
    const err = onToggle(pending, pending.why);
    setError(err);
    if (!err) setPending(null);
  };

  return (
    <div className="space-y-3" data-testid="author-matrix">
      <p className="text-xs text-slate-600">
        {matrix.source === 'solution' ? 'What the reference solution allows' : 'What the existing policies allow'}. Rows are sources, columns destinations;{' '}
        <span aria-hidden="true">✓</span> allowed, <span aria-hidden="true">✗</span> denied; a ringed cell is an expectation. Click a cell to add or remove it.
      </p>
      {pending && (
        <form
          className="space-y-2 rounded-md border border-sky-300 bg-sky-50 p-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <p>
            New expectation: <code>{pending.from}</code> → <code>{pending.to}</code> :{pending.port}/{pending.protocol} is{' '}
            <strong>{pending.allowed ? 'allowed' : 'denied'}</strong>
          </p>
          <label className="block">
            <span className="font-medium">Why (one line, shown to learners when this flow fails)</span>
            <input
              autoFocus
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
              value={pending.why}
              onChange={(e) => setPending({ ...pending, why: e.target.value })}
            />
          </label>
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-600">
              Add expectation
            </button>
            <button type="button" className="rounded px-3 py-1 text-slate-700 ring-1 ring-slate-300" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-800">
          {error}
        </p>
      )}
      {matrix.grids.map((grid) => (
        <MatrixGrid
          key={`${grid.port}/${grid.protocol}`}
          grid={{ endpoints: matrix.endpoints, ...grid }}
          renderCell={(cell, from, to) => {
            if (cell.allowed === null || cell.self) {
              return (
                <td className="px-1 py-1 text-center text-slate-300" title={cell.self ? 'a pod always reaches itself' : 'the destination has no such port'}>
                  ·
                </td>
              );
            }
            const verdict = cell.allowed ? 'allowed' : 'denied';
            const has = cell.expectation !== null;
            const label = `${from} → ${to} :${grid.port}/${grid.protocol} ${verdict}${has ? ', an expectation (click to remove)' : ' (click to add as an expectation)'}`;
            return (
              <td className="p-0.5 text-center">
                <button
                  type="button"
                  aria-label={label}
                  title={label}
                  aria-pressed={has}
                  data-from={from}
                  data-to={to}
                  data-port={String(grid.port)}
                  className={`h-6 w-7 rounded ${cell.allowed ? 'text-emerald-800' : 'text-slate-600'} ${has ? 'bg-amber-100 font-bold ring-2 ring-amber-500' : 'hover:bg-slate-100'}`}
                  onClick={() => click({ from, to, port: grid.port, protocol: grid.protocol, allowed: cell.allowed === true, hasExpectation: has })}
                >
                  {cell.allowed ? '✓' : '✗'}
                </button>
              </td>
            );
          }}
        />
      ))}
      {matrix.offMatrix.length > 0 && (
        <p className="text-xs text-slate-600">
          {matrix.offMatrix.length} expectation{matrix.offMatrix.length === 1 ? '' : 's'} test flows outside this matrix (addresses or other ports): edit them in the YAML.
        </p>
      )}
    </div>
  );
}
