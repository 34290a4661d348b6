'use client';

import type { TAuthorValidation } from '@/lib/authoring/validate';
import type { TFormSection } from '@/lib/authoring/author-form';

/** Human names of the editor's sections. */
export const SECTION_LABELS: Record<TFormSection, string> = {
  metadata: 'Metadata',
  task: 'Task',
  explanation: 'Explanation',
  hints: 'Hints',
  cluster: 'Cluster',
  existingPolicies: 'Existing policies',
  starter: 'Starter',
  solution: 'Reference solution',
  expectations: 'Expectations',
  requirements: 'Requirements',
  ports: 'Matrix ports',
};

/** The live content:check verdict: errors and warnings per section, the mutation score and the surviving mutants as diffs. */
export function ValidationPanel({ validation, busy }: { validation: TAuthorValidation | null; busy: boolean }) {
  if (!validation) return <p className="text-sm text-slate-600">Checking…</p>;
  const errors = validation.findings.filter((f) => f.severity === 'error');
  const warnings = validation.findings.filter((f) => f.severity === 'warning');
  const m = validation.mutation;
  return (
    <div className="space-y-3 text-sm" data-testid="validation">
      <p
        data-testid="validation-status"
        data-ok={validation.ok ? 'true' : 'false'}
        className={`rounded-md px-3 py-2 font-semibold ${validation.ok ? 'bg-emerald-50 text-emerald-900 ring-1 ring-emerald-300' : 'bg-rose-50 text-rose-900 ring-1 ring-rose-300'}`}
      >
        {validation.ok ? 'Passes every content check' : `${errors.length + validation.sectionErrors.length} problem${errors.length + validation.sectionErrors.length === 1 ? '' : 's'} to fix before publishing`}
        <span className="ml-2 text-xs font-normal text-slate-600">
          {busy ? 'checking…' : `checked in ${validation.ms} ms`}
        </span>
      </p>
      {(validation.sectionErrors.length > 0 || errors.length > 0) && (
        <ul className="space-y-1" aria-label="Errors">
          {validation.sectionErrors.map((e, i) => (
            <li key={`s${i}`} className="rounded bg-rose-50 px-2 py-1 text-rose-900">
              <strong>{SECTION_LABELS[e.section]}</strong>
              {e.line ? ` line ${e.line}` : ''}: {e.message}
            </li>
          ))}
          {errors.map((f, i) => (
            <li key={`e${i}`} className="rounded bg-rose-50 px-2 py-1 text-rose-900" data-check={f.check}>
              <strong>{SECTION_LABELS[f.section]}</strong> ({f.check}): {f.message}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="space-y-1" aria-label="Warnings">
          {warnings.map((f, i) => (
            <li key={`w${i}`} className="rounded bg-amber-50 px-2 py-1 text-amber-900">
              <strong>{SECTION_LABELS[f.section]}</strong> (advice): {f.message}
            </li>
          ))}
        </ul>
      )}
      {validation.referenceLint.length > 0 && (
        <ul className="space-y-1" aria-label="Lint of the reference solution">
          {validation.referenceLint.map((l, i) => (
            <li key={`l${i}`} className="rounded bg-amber-50 px-2 py-1 text-amber-900">
              <strong>Reference solution</strong>
              {l.line ? ` line ${l.line}` : ''} (lint {l.code}): {l.message}
            </li>
          ))}
        </ul>
      )}
      {m && (
        <section aria-labelledby="mutation-heading" className="space-y-2">
          <h3 id="mutation-heading" className="font-semibold">
            Mutation score: {m.changed === 0 ? 'no mutant changes connectivity' : `${m.killed} of ${m.changed} connectivity-changing mutants caught`}
          </h3>
          <p className="text-xs text-slate-600">
            {m.total} plausible wrong answers derived from the reference ({m.invalid} invalid, {m.equivalent} with the same connectivity). A survivor changes connectivity yet passes every expectation: add an expectation that notices it.
          </p>
          {validation.survivors.map((s, i) => (
            <details key={i} className="rounded border border-amber-300 bg-amber-50 p-2" open={i < 2}>
              <summary className="cursor-pointer font-medium">
                Survivor: {s.description} <span className="text-xs text-slate-600">({s.operator})</span>
              </summary>
              <pre className="mt-1 overflow-x-auto bg-white p-1 font-mono text-xs" aria-label={`diff of ${s.description} against the reference`}>
                {s.diff.map((l, j) => (
                  <div key={j} className={l.op === 'add' ? 'bg-emerald-50 text-emerald-900' : l.op === 'del' ? 'bg-rose-50 text-rose-900' : 'text-slate-600'}>
                    {l.op === 'add' ? '+ ' : l.op === 'del' ? '- ' : '  '}
                    {l.text}
                  </div>
                ))}
              </pre>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
