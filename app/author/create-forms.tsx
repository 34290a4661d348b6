'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { apiErrorMessage } from '@/app/_components/api-error';

const input = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm';
const button = 'rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50';

/** New / import / clone: each creates an unpublished scenario owned by the caller and opens the editor. */
export function CreateForms({ published }: { published: { slug: string; title: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (body: object) => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/author/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) {
        setError(await apiErrorMessage(res));
        return;
      }
      const { slug } = (await res.json()) as { slug: string };
      router.push(`/author/${slug}`);
    } catch {
      setError('could not reach the server; try again');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-3">
      {error && (
        <p role="alert" className="rounded bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {error}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <form
          aria-labelledby="new-h"
          className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void create({ mode: 'new', slug: String(f.get('slug') ?? ''), title: String(f.get('title') ?? '') });
          }}
        >
          <h2 id="new-h" className="font-semibold">
            New scenario
          </h2>
          <label className="block text-sm">
            <span className="font-medium">Slug</span> (lowercase-kebab, used in the URL)
            <input name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" className={`${input} font-mono`} />
          </label>
          <label className="block text-sm">
            <span className="font-medium">Title</span>
            <input name="title" required className={input} />
          </label>
          <button type="submit" disabled={busy} className={button}>
            Create
          </button>
        </form>

        <form
          aria-labelledby="import-h"
          className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
          onSubmit={async (e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const file = f.get('file');
            let yaml = String(f.get('yaml') ?? '');
            if (file instanceof File && file.size > 0) yaml = await file.text();
            if (!yaml.trim()) {
              setError('choose a .yaml file or paste its text');
              return;
            }
            void create({ mode: 'import', yaml });
          }}
        >
          <h2 id="import-h" className="font-semibold">
            Import a scenario file
          </h2>
          <label className="block text-sm">
            <span className="font-medium">File</span> (content/scenarios format)
            <input name="file" type="file" accept=".yaml,.yml,text/yaml" className="mt-1 block w-full text-sm" />
          </label>
          <label className="block text-sm">
            <span className="font-medium">or paste YAML</span>
            <textarea name="yaml" rows={3} className={`${input} font-mono`} />
          </label>
          <button type="submit" disabled={busy} className={button}>
            Import
          </button>
        </form>

        <form
          aria-labelledby="clone-h"
          className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void create({ mode: 'clone', from: String(f.get('from') ?? ''), slug: String(f.get('slug') ?? '') });
          }}
        >
          <h2 id="clone-h" className="font-semibold">
            Clone a published scenario
          </h2>
          <label className="block text-sm">
            <span className="font-medium">Scenario</span>
            <select name="from" required className={input}>
              {published.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.title} ({s.slug})
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="font-medium">New slug</span>
            <input name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" className={`${input} font-mono`} />
          </label>
          <button type="submit" disabled={busy} className={button}>
            Clone
          </button>
        </form>
      </div>
    </div>
  );
}
