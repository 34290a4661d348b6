'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { TOPICS } from '@/lib/scenarios/topics';

async function start(body: unknown): Promise<{ id: string } | { error: string }> {
  try {
    const res = await fetch('/api/drills/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status === 401) return { error: 'Your session has expired: sign in again to start a drill.' };
    const json = (await res.json()) as { id?: string; error?: { message?: string } };
    if (!res.ok || !json.id) return { error: json.error?.message ?? `the server answered ${res.status}` };
    return { id: json.id };
  } catch {
    return { error: 'Could not reach the server; try again.' };
  }
}

/** "Start" for a catalog drill: creates the session on the server (which sets the deadline), then opens it. */
export function StartDrillButton({ slug, title, label = 'Start' }: { slug: string; title: string; label?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        data-testid={`start-${slug}`}
        aria-label={`Start ${title}`}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const r = await start({ drill: slug });
          if ('id' in r) router.push(`/drills/session/${r.id}`);
          else {
            setError(r.error);
            setBusy(false);
          }
        }}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60"
      >
        {busy ? 'Starting…' : label}
      </button>
      {error && (
        <p role="alert" className="mt-1 text-sm text-rose-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Build your own": topics, kinds, difficulty, task count, minutes and feedback mode; the server draws the tasks. */
export function BuildYourOwnForm({ availableTopics }: { availableTopics: string[] }) {
  const router = useRouter();
  const [topics, setTopics] = useState<string[]>([]);
  const [kinds, setKinds] = useState<('write' | 'predict')[]>(['write', 'predict']);
  const [count, setCount] = useState(3);
  const [minutes, setMinutes] = useState(15);
  const [maxDifficulty, setMaxDifficulty] = useState(3);
  const [feedback, setFeedback] = useState<'end' | 'immediate'>('end');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const topicList = TOPICS.filter((t) => availableTopics.includes(t));

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (kinds.length === 0) {
      setError('Pick at least one kind of task.');
      return;
    }
    setBusy(true);
    setError(null);
    const rule = { count, kinds, maxDifficulty, ...(topics.length ? { topics } : {}) };
    const r = await start({ rule, minutes, feedback });
    if ('id' in r) router.push(`/drills/session/${r.id}`);
    else {
      setError(r.error);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="byo-heading">
      <h2 id="byo-heading" className="text-lg font-semibold">
        Build your own
      </h2>
      <fieldset>
        <legend className="text-sm font-medium">Topics (none = all)</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {topicList.map((t) => (
            <label key={t} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={topics.includes(t)} onChange={(e) => setTopics(e.target.checked ? [...topics, t] : topics.filter((x) => x !== t))} />
              {t}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Kinds of task</legend>
        <div className="mt-1 flex gap-4">
          {(['write', 'predict'] as const).map((k) => (
            <label key={k} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))} />
              {k === 'write' ? 'write policies' : 'predict connectivity'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <label className="text-sm">
          Tasks
          <input type="number" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value))} className="ml-2 w-20 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          Minutes
          <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} className="ml-2 w-20 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          Hardest difficulty
          <select value={maxDifficulty} onChange={(e) => setMaxDifficulty(Number(e.target.value))} className="ml-2 rounded border border-slate-300 px-2 py-1">
            <option value={1}>easy</option>
            <option value={2}>medium</option>
            <option value={3}>hard</option>
          </select>
        </label>
        <label className="text-sm">
          Feedback
          <select value={feedback} onChange={(e) => setFeedback(e.target.value as 'end' | 'immediate')} className="ml-2 rounded border border-slate-300 px-2 py-1">
            <option value="end">at the end (exam)</option>
            <option value="immediate">after each task (practice)</option>
          </select>
        </label>
      </div>
      <button type="submit" disabled={busy} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-600 disabled:opacity-60">
        {busy ? 'Starting…' : 'Start my drill'}
      </button>
      {error && (
        <p role="alert" className="text-sm text-rose-800">
          {error}
        </p>
      )}
    </form>
  );
}
