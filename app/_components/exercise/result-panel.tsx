'use client';

import { describeFlow, formatFlow } from '@/lib/editor/cluster-view';
import type { TAttemptResponse } from './types';
import { ConnectivityMatrix } from './connectivity-matrix';
import { PredictResultGrid } from './predict-result-grid';

/** The editor line a result row can point at. */
function LineButton({ line, onShowLine, label }: { line: number | null | undefined; onShowLine(line: number): void; label?: string }) {
  if (!line) return null;
  return (
    <button
      type="button"
      onClick={() => onShowLine(line)}
      className="rounded border border-sky-300 bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-900 hover:bg-sky-100"
      aria-label={`${label ?? 'show'} line ${line} in the editor`}
    >
      line {line}
    </button>
  );
}

/** Score, pass/fail, failed flows with reasons, requirements, lint hints and the matrix of one graded attempt. */
export function ResultPanel({ result, onShowLine, kind }: { result: TAttemptResponse; onShowLine(line: number): void; kind: 'write' | 'predict' }) {
  const percent = Math.round(result.score * 100);
  const unmet = result.requirements.filter((r) => !r.passed);
  return (
    <section aria-labelledby="result-heading" className="space-y-4 rounded-md border border-slate-200 bg-white p-4" data-testid="result-panel">
      <h2 id="result-heading" className="flex flex-wrap items-baseline gap-3 text-lg font-semibold">
        {result.pass ? (
          <span className="text-emerald-700" data-testid="result-status">
            <span aria-hidden="true">✔ </span>Passed
          </span>
        ) : (
          <span className="text-rose-700" data-testid="result-status">
            <span aria-hidden="true">✘ </span>Not yet
          </span>
        )}
        <span className="text-base font-normal text-slate-700" data-testid="result-score">
          score {percent}% ({result.passed} of {result.total} checks)
        </span>
      </h2>

      {result.errors.length > 0 && (
        <div>
          <h3 className="font-semibold text-rose-800">The YAML is not valid, so nothing was graded</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {result.errors.map((e, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2">
                <LineButton line={e.line} onShowLine={onShowLine} />
                <span className="font-mono">{e.column ? `line ${e.line}, column ${e.column}: ` : ''}{e.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.failed.length > 0 && (
        <div>
          <h3 className="font-semibold">
            {result.failed.length} flow{result.failed.length === 1 ? '' : 's'} wrong
          </h3>
          <ul className="mt-2 space-y-3" data-testid="failed-flows">
            {result.failed.map((f, i) => (
              <li key={i} className="rounded border border-rose-200 bg-rose-50 p-2 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-semibold" aria-label={describeFlow(f)}>
                    {formatFlow(f)}
                  </span>
                  <span>
                    expected <strong>{f.expected}</strong>, {kind === 'predict' ? 'you answered' : 'got'} <strong>{f.actual}</strong>
                  </span>
                  <LineButton line={f.policyLine} onShowLine={onShowLine} label="show the responsible rule at" />
                </div>
                <p className="mt-1 font-mono text-xs text-slate-800">{f.reason}</p>
                {f.pointers.filter((p) => !p.inSubmission).length > 0 && (
                  <p className="mt-1 text-xs text-slate-600">
                    From policies already in the cluster:{' '}
                    {f.pointers
                      .filter((p) => !p.inSubmission)
                      .map((p, k) => (
                        <span key={k}>
                          {k > 0 && '; '}
                          {p.policy}
                          {p.path ? ` ${p.path}` : ''}
                          {p.line ? (
                            <>
                              {' '}
                              (<a href={`#existing-line-${p.line}`} className="text-sky-800 underline">line {p.line}</a>)
                            </>
                          ) : null}
                        </span>
                      ))}
                  </p>
                )}
                {f.why && <p className="mt-1 text-xs text-slate-700">Why it matters: {f.why}</p>}
                {f.explanation && (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-slate-600">Full explanation</summary>
                    <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-900 p-2 text-slate-100">{f.explanation}</pre>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {unmet.length > 0 && (
        <div>
          <h3 className="font-semibold">Requirements not met</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {unmet.map((r, i) => (
              <li key={i}>
                {r.description}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.expectations && result.pass && (
        <details>
          <summary className="cursor-pointer text-sm font-semibold">All {result.expectations.length} checked flows</summary>
          <ul className="mt-1 space-y-1 text-xs">
            {result.expectations.map((e, i) => (
              <li key={i}>
                <span aria-hidden="true">{e.passed ? '✓ ' : '✗ '}</span>
                <span className="sr-only">{e.passed ? 'passed: ' : 'failed: '}</span>
                <span className="font-mono">{formatFlow(e)}</span> {e.expected}: {e.why}
              </li>
            ))}
          </ul>
        </details>
      )}

      {result.lint.length > 0 && (
        <div>
          <h3 className="font-semibold text-amber-800">Hints from the linter</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {result.lint.map((l, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2">
                <LineButton line={l.line} onShowLine={onShowLine} />
                <span>
                  {l.message} <span className="font-mono text-xs text-slate-500">({l.code})</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.matrix && (
        <details open={!result.pass}>
          <summary className="cursor-pointer font-semibold">{kind === 'predict' ? 'Your answers vs the truth' : 'Connectivity matrix'}</summary>
          <div className="mt-2">
            {kind === 'predict' ? (
              <PredictResultGrid matrix={result.matrix} flows={result.expectations ?? result.failed} />
            ) : (
              <ConnectivityMatrix matrix={result.matrix} mode={kind} />
            )}
          </div>
        </details>
      )}
    </section>
  );
}
