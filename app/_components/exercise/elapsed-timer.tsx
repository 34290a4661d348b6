'use client';

import { useEffect, useState } from 'react';

function mmss(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Time since the page opened against the scenario's budget (exam pacing); updates once a second, silently. */
export function ElapsedTimer({ startedAt, budgetMinutes }: { startedAt: string; budgetMinutes: number }) {
  const start = Date.parse(startedAt);
  const [now, setNow] = useState(start);
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const elapsed = now - start;
  const over = elapsed > budgetMinutes * 60_000;
  return (
    <span className={`font-mono text-xs ${over ? 'text-amber-700' : 'text-slate-500'}`} title="time since you opened this page">
      <span className="sr-only">Time on this task: </span>
      {mmss(elapsed)} / {budgetMinutes}:00{over ? ' (over the time budget)' : ''}
    </span>
  );
}
