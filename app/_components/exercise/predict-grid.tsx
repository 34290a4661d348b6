'use client';

import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LearnerCell } from '@/lib/scenarios/learner-view';
import { cellKey, cycleAnswer, withAnswer, type TPredictAnswers } from '@/lib/editor/predict-answers';
import { askedPositions, keyToMove, layoutPredict, moveInTable, type TPredictTable } from '@/lib/editor/predict-layout';
import { InertCell, PredictTable } from './predict-table';
import { PredictList } from './predict-list';
import { usePredictView, type TPredictView } from './predict-view-pref';

// What a cell's value is called, in labels and announcements.
function answerText(value: boolean | undefined): string {
  return value === undefined ? 'not answered' : value ? 'allowed' : 'denied';
}

// `prod/web to prod/db on 5432/TCP`: the flow of a cell as screen readers hear it.
function flowLabel(c: LearnerCell): string {
  return `${c.from} to ${c.to} on ${c.port}/${c.protocol}`;
}

const VALUE_STYLE = {
  unanswered: 'border-dashed border-slate-400 bg-white text-slate-500',
  allowed: 'border-emerald-700 bg-emerald-50 font-semibold text-emerald-900',
  denied: 'border-slate-700 bg-slate-200 font-semibold text-slate-900',
} as const;

/**
 * The predict answer sheet: by default a 2-D grid (rows: sources, columns: destinations, one table per
 * port/protocol) with a roving Tab stop per table; or, remembered per browser, the one-flow-per-line list.
 * Both edit the same answers (keyed by cellKey), so drafts and submission do not depend on the view.
 */
export function PredictGrid(props: { cells: LearnerCell[]; answers: TPredictAnswers; disabled?: boolean; onChange(answers: TPredictAnswers): void }) {
  const { cells, answers, disabled, onChange } = props;
  const layout = useMemo(() => layoutPredict(cells), [cells]);
  const [view, setView] = usePredictView();
  const [announcement, setAnnouncement] = useState('');
  const helpId = useId();
  const answered = layout.cells.filter((c) => answers[cellKey(c)] !== undefined).length;

  const set = (c: LearnerCell, value: boolean | undefined) => {
    if (disabled) return;
    const key = cellKey(c);
    if (answers[key] === value) return;
    const next = withAnswer(answers, key, value);
    const n = layout.cells.filter((x) => next[cellKey(x)] !== undefined).length;
    setAnnouncement(`${flowLabel(c)}: ${answerText(value)}. ${n} of ${layout.cells.length} answered`);
    onChange(next);
  };

  return (
    <div data-testid="predict-grid" data-view={view} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="predict-count">
          {answered} of {layout.cells.length} flows answered
        </p>
        <div role="group" aria-label="Answer sheet layout" className="flex overflow-hidden rounded border border-slate-300 text-sm">
          {(['grid', 'list'] as TPredictView[]).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={`px-2 py-0.5 ${view === v ? 'bg-slate-800 text-white' : 'bg-white text-slate-800 hover:bg-slate-100'}`}
            >
              {v === 'grid' ? 'Grid' : 'List'}
            </button>
          ))}
        </div>
      </div>
      <p className="sr-only" aria-live="polite" data-testid="predict-announce">
        {announcement}
      </p>
      {view === 'grid' ? (
        <>
          <p id={helpId} className="text-xs text-slate-600">
            Rows are sources, columns destinations; a dotted cell is not asked. Keyboard: Tab reaches each port&apos;s table, arrow keys move between
            flows, Space or Enter cycles not answered → ✓ allowed → ✗ denied, <kbd>a</kbd> allowed, <kbd>d</kbd> denied, Delete clears.
          </p>
          <div className="flex flex-wrap items-start gap-4">
            {layout.tables.map((t) => (
              <AnswerTable key={t.id} table={t} answers={answers} disabled={disabled} helpId={helpId} onSet={set} />
            ))}
          </div>
        </>
      ) : (
        <PredictList cells={layout.cells} answers={answers} disabled={disabled} onSet={set} />
      )}
    </div>
  );
}

// One port's table of toggles. Only one button per table is in the Tab order (roving tabindex); arrows move it.
function AnswerTable(props: {
  table: TPredictTable<LearnerCell>;
  answers: TPredictAnswers;
  disabled?: boolean;
  helpId: string;
  onSet(c: LearnerCell, value: boolean | undefined): void;
}) {
  const { table, answers, disabled, helpId, onSet } = props;
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const keys = useMemo(() => askedPositions(table).map((p) => cellKey(table.cells[p.row][p.col] as LearnerCell)), [table]);
  // The Tab stop: the last focused cell, or the first asked one (also when the cells changed under it).
  const tabStop = activeKey !== null && keys.includes(activeKey) ? activeKey : keys[0];
  const done = keys.filter((k) => answers[k] !== undefined).length;

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, c: LearnerCell, row: number, col: number) => {
    if (e.altKey || e.metaKey) return;
    const move = keyToMove(e.key, e.ctrlKey);
    if (move) {
      e.preventDefault();
      const to = moveInTable(table, { row, col }, move);
      const target = table.cells[to.row][to.col];
      if (!target) return;
      const k = cellKey(target);
      setActiveKey(k);
      buttons.current.get(k)?.focus();
      return;
    }
    if (e.ctrlKey) return;
    const key = e.key.toLowerCase();
    const value = key === 'a' ? true : key === 'd' ? false : e.key === 'Delete' || e.key === 'Backspace' ? undefined : null;
    if (value === null) return;
    e.preventDefault();
    onSet(c, value);
  };

  return (
    <PredictTable
      table={table}
      caption={
        <>
          Port {table.port}/{table.protocol}{' '}
          <span className="font-normal text-slate-600">
            ({done} of {table.asked} answered)
          </span>
        </>
      }
      renderCell={(c, from, to) => {
        if (!c) return <InertCell />;
        const k = cellKey(c);
        const value = answers[k];
        const state = value === undefined ? 'unanswered' : value ? 'allowed' : 'denied';
        const pos = { row: table.rows.indexOf(from), col: table.cols.indexOf(to) };
        return (
          <td className="border-b border-slate-200 p-0.5 text-center">
            <button
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(k, el);
                else buttons.current.delete(k);
              }}
              tabIndex={k === tabStop ? 0 : -1}
              aria-label={`${flowLabel(c)}: ${answerText(value)}`}
              aria-describedby={helpId}
              aria-disabled={disabled || undefined}
              data-testid="predict-cell"
              data-key={k}
              data-value={state}
              onFocus={() => setActiveKey(k)}
              onClick={() => onSet(c, cycleAnswer(value))}
              onKeyDown={(e) => onKeyDown(e, c, pos.row, pos.col)}
              className={`w-[5.5rem] scroll-m-10 rounded border px-1 py-1 font-sans focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 ${VALUE_STYLE[state]} ${disabled ? 'cursor-wait opacity-70' : ''}`}
            >
              {state === 'unanswered' ? '?' : state === 'allowed' ? '✓ allowed' : '✗ denied'}
            </button>
          </td>
        );
      }}
    />
  );
}
