'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { apiErrorMessage } from '@/app/_components/api-error';

/** Join a cohort with the code (or link) from the instructor. */
export function JoinCohortForm({ initialCode = '' }: { initialCode?: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      aria-labelledby="join-h"
      className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        const res = await fetch('/api/cohorts/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
        if (!res.ok) {
          setMessage({ ok: false, text: await apiErrorMessage(res) });
          return;
        }
        const body = (await res.json()) as { name: string };
        setMessage({ ok: true, text: `You joined “${body.name}”. Your instructor now sees your progress.` });
        router.refresh();
      }}
    >
      <h2 id="join-h" className="font-semibold">
        Join a cohort
      </h2>
      <label className="block text-sm">
        <span className="font-medium">Join code</span>
        <input value={code} onChange={(e) => setCode(e.target.value)} required minLength={4} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono uppercase" />
      </label>
      <p className="text-xs text-slate-600">Your instructor sees your solved scenarios, drill results and last activity; other learners see nothing of yours.</p>
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
        Join
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-800' : 'text-rose-800'}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}

/** Create a cohort (instructors and admins). */
export function CreateCohortForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-labelledby="create-cohort-h"
      className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const name = String(new FormData(form).get('name') ?? '');
        const res = await fetch('/api/cohorts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
        if (!res.ok) {
          setError(await apiErrorMessage(res));
          return;
        }
        const body = (await res.json()) as { id: string };
        router.push(`/cohorts/${body.id}`);
      }}
    >
      <h2 id="create-cohort-h" className="font-semibold">
        New cohort
      </h2>
      <label className="block text-sm">
        <span className="font-medium">Name</span>
        <input name="name" required maxLength={120} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
        Create
      </button>
      {error && (
        <p role="alert" className="text-sm text-rose-800">
          {error}
        </p>
      )}
    </form>
  );
}
