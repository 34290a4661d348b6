'use client';

import { useRef } from 'react';
import { ResultPanel } from '@/app/_components/exercise/result-panel';
import { SolutionPanel } from '@/app/_components/exercise/solution-panel';
import type { TAttemptResponse, TRevealedSolution } from '@/app/_components/exercise/types';

/** One task's review on the results page: the learner's final answer with line numbers, its full grade, the solution. */
export function TaskReview({ index, kind, yaml, attempt, solution }: { index: number; kind: 'write' | 'predict'; yaml: string | null; attempt: TAttemptResponse | null; solution: TRevealedSolution }) {
  const preRef = useRef<HTMLPreElement>(null);
  const showLine = (line: number) => {
    const el = preRef.current?.querySelector<HTMLElement>(`[data-line="${line}"]`);
    if (!el) return;
    preRef.current?.querySelectorAll('[data-line]').forEach((n) => n.classList.remove('bg-amber-200'));
    el.classList.add('bg-amber-200');
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus();
  };
  const lines = (yaml ?? '').replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  return (
    <div className="space-y-3">
      {yaml !== null ? (
        <details open={kind === 'write'}>
          <summary className="cursor-pointer text-sm font-semibold">Your final answer (the last draft saved before the end)</summary>
          <pre ref={preRef} className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100" data-testid={`review-yaml-${index}`}>
            {lines.map((l, i) => (
              <div key={i} data-line={i + 1} tabIndex={-1}>
                <span aria-hidden="true" className="mr-3 select-none text-slate-500">
                  {String(i + 1).padStart(width, ' ')}
                </span>
                {l || ' '}
              </div>
            ))}
          </pre>
        </details>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600">No answer was saved for this task, so it scores 0.</p>
      )}
      {attempt && <ResultPanel result={attempt} onShowLine={showLine} kind={kind} />}
      <SolutionPanel solution={solution} answer={yaml ?? ''} />
    </div>
  );
}
