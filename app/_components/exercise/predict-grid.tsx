'use client';

import { describeFlow, formatFlow } from '@/lib/editor/cluster-view';
import type { LearnerCell } from '@/lib/scenarios/learner-view';
import { cellKey, type TPredictAnswers } from '@/lib/editor/predict-answers';

/** One radio group per asked flow: allowed or denied. Keyboard: Tab between groups, arrows within. */
export function PredictGrid(props: { cells: LearnerCell[]; answers: TPredictAnswers; disabled?: boolean; onChange(answers: TPredictAnswers): void }) {
  const { cells, answers, disabled, onChange } = props;
  const answered = cells.filter((c) => answers[cellKey(c)] !== undefined).length;
  return (
    <div data-testid="predict-grid">
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {answered} of {cells.length} flows answered
      </p>
      <ol className="space-y-2">
        {cells.map((c, i) => {
          const key = cellKey(c);
          const value = answers[key];
          const name = `cell-${i}`;
          return (
            <li key={key}>
              <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 bg-white px-3 py-2">
                <legend className="sr-only">{describeFlow(c)}</legend>
                <span aria-hidden="true" className="min-w-0 flex-1 break-words font-mono text-sm">
                  {formatFlow(c)}
                </span>
                <span className="flex shrink-0 gap-3">
                  {(['allowed', 'denied'] as const).map((choice) => (
                    <label key={choice} className="flex items-center gap-1 text-sm">
                      <input
                        type="radio"
                        name={name}
                        value={choice}
                        disabled={disabled}
                        checked={value === (choice === 'allowed')}
                        onChange={() => onChange({ ...answers, [key]: choice === 'allowed' })}
                      />
                      {choice === 'allowed' ? '✓ allowed' : '✗ denied'}
                    </label>
                  ))}
                </span>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
