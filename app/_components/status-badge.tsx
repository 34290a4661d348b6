import type { TScenarioStatus } from '@/lib/db/progress/types';

const STYLE: Record<TScenarioStatus, { label: string; symbol: string; cls: string }> = {
  new: { label: 'New', symbol: '○', cls: 'bg-slate-100 text-slate-700 ring-slate-300' },
  attempted: { label: 'Attempted', symbol: '◐', cls: 'bg-amber-50 text-amber-800 ring-amber-300' },
  solved: { label: 'Solved', symbol: '✓', cls: 'bg-emerald-50 text-emerald-800 ring-emerald-300' },
};

/** A scenario's status for the user: symbol + word, never colour alone. */
export function StatusBadge({ status }: { status: TScenarioStatus }) {
  const s = STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${s.cls}`}>
      <span aria-hidden="true">{s.symbol}</span>
      {s.label}
    </span>
  );
}

/** Difficulty 1..3 as dots plus words. */
export function DifficultyLabel({ difficulty }: { difficulty: number }) {
  const word = difficulty <= 1 ? 'Easy' : difficulty === 2 ? 'Medium' : 'Hard';
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
      <span aria-hidden="true" className="tracking-tighter text-sky-700">{'●'.repeat(difficulty)}{'○'.repeat(Math.max(0, 3 - difficulty))}</span>
      {word}
    </span>
  );
}

/** A 0..1 score as a whole percentage. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : `${Math.round(score * 100)}%`;
}
