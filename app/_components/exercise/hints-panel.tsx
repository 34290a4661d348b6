'use client';

import { InlineCode } from './inline-code';

/** Progressive hints: the unlocked ones, and a button for the next (each use is recorded on the server). */
export function HintsPanel(props: { hints: string[]; hintsTotal: number; busy: boolean; signedIn: boolean; onNext(): void }) {
  const { hints, hintsTotal, busy, signedIn, onNext } = props;
  return (
    <section aria-labelledby="hints-heading" className="rounded-md border border-slate-200 bg-white p-3">
      <h2 id="hints-heading" className="text-sm font-semibold">
        Hints ({hints.length} of {hintsTotal} used)
      </h2>
      {hints.length > 0 && (
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" data-testid="hints">
          {hints.map((h, i) => (
            <li key={i}>
              <InlineCode text={h} />
            </li>
          ))}
        </ol>
      )}
      {hints.length < hintsTotal && (
        <button
          type="button"
          onClick={onNext}
          disabled={busy || !signedIn}
          className="mt-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50"
        >
          {hints.length === 0 ? 'Show a hint' : 'Show the next hint'}
        </button>
      )}
      {!signedIn && <p className="mt-1 text-xs text-slate-500">Sign in to use hints.</p>}
    </section>
  );
}
