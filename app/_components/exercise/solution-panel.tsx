'use client';

import { useMemo } from 'react';
import { diffLines } from '@/lib/editor/line-diff';
import { formatFlow } from '@/lib/editor/cluster-view';
import type { TRevealedSolution } from './types';

const MARK = { same: ' ', add: '+', del: '-' } as const;
const LABEL = { same: 'unchanged', add: 'only in the solution', del: 'only in your answer' } as const;

/** The reference solution (with a line diff against the learner's answer), the explanation and every expectation. */
export function SolutionPanel({ solution, answer }: { solution: TRevealedSolution; answer: string }) {
  const diff = useMemo(() => (solution.solution ? diffLines(answer, solution.solution) : []), [solution.solution, answer]);
  return (
    <section aria-labelledby="solution-heading" className="space-y-3 rounded-md border border-emerald-200 bg-white p-4" data-testid="solution-panel">
      <h2 id="solution-heading" className="text-lg font-semibold">
        Solution and explanation
      </h2>
      {solution.solution && (
        <>
          <details open>
            <summary className="cursor-pointer text-sm font-semibold">Reference solution</summary>
            <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">{solution.solution}</pre>
          </details>
          <details>
            <summary className="cursor-pointer text-sm font-semibold">Your answer vs the solution (line diff)</summary>
            <p className="mt-1 text-xs text-slate-600">
              Lines marked + are only in the solution, - only in your answer. Any answer with the same connectivity passes; a diff is not an error.
            </p>
            <pre className="mt-1 overflow-x-auto rounded border border-slate-200 font-mono text-xs">
              {diff.map((l, i) => (
                <div key={i} className={l.op === 'add' ? 'bg-emerald-50 text-emerald-900' : l.op === 'del' ? 'bg-rose-50 text-rose-900' : ''}>
                  <span aria-hidden="true">{MARK[l.op]} </span>
                  <span className="sr-only">{LABEL[l.op]}: </span>
                  {l.text || ' '}
                </div>
              ))}
            </pre>
          </details>
        </>
      )}
      <div className="prose-task text-sm" dangerouslySetInnerHTML={{ __html: solution.explanationHtml }} />
      <details>
        <summary className="cursor-pointer text-sm font-semibold">The {solution.expectations.length} checked flows</summary>
        <ul className="mt-1 space-y-1 text-xs">
          {solution.expectations.map((e, i) => (
            <li key={i}>
              <span className="font-mono">{formatFlow(e)}</span> <strong>{e.allowed ? 'allowed' : 'denied'}</strong>: {e.why}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
