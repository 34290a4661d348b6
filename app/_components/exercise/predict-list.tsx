'use client';

import { useId } from 'react';
import { describeFlow, formatFlow } from '@/lib/editor/cluster-view';
import type { LearnerCell } from '@/lib/scenarios/learner-view';
import { cellKey, type TPredictAnswers } from '@/lib/editor/predict-answers';

/** The predict answer sheet as a list: one radio group per flow in the author's order. Keyboard: Tab between groups, arrows within. */
export function PredictList(props: { cells: LearnerCell[]; answers: TPredictAnswers; disabled?: boolean; onSet(c: LearnerCell, value: boolean): void }) {
  const { cells, answers, disabled, onSet } = props;
  const prefix = useId();
  return (
    <ol className="space-y-2" data-testid="predict-list">
      {cells.map((c, i) => {
        const key = cellKey(c);
        const value = answers[key];
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
                      name={`${prefix}-cell-${i}`}
                      value={choice}
                      disabled={disabled}
                      checked={value === (choice === 'allowed')}
                      onChange={() => onSet(c, choice === 'allowed')}
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
  );
}
