import type { Metadata } from 'next';
import Link from 'next/link';
import { getOptionalUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { ZCatalogFilters, type TCatalogFilters } from '@/lib/db/progress/catalog';
import { getCatalog } from '@/lib/db/progress/get-catalog';
import { DifficultyLabel, formatScore, StatusBadge } from '@/app/_components/status-badge';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';

export const metadata: Metadata = { title: 'Scenarios' };
export const dynamic = 'force-dynamic';

const selectClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30';

/** The catalog: published scenarios with the user's status; filters and search are a plain GET form (no JS needed). */
export default async function ScenariosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters: TCatalogFilters = ZCatalogFilters.parse(await searchParams);
  let data: Awaited<ReturnType<typeof getCatalog>>;
  let signedIn = false;
  try {
    const user = await getOptionalUser();
    signedIn = Boolean(user);
    data = await getCatalog(user?.id ?? null, filters);
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="the scenario catalog" />;
    throw err;
  }
  const { entries, topics, total } = data;
  const filtered = Boolean(filters.q || filters.topic || filters.difficulty || filters.status);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Scenarios</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each scenario is a small cluster and an exam-style task. Submit a NetworkPolicy and get graded by the connectivity it produces.
          {signedIn ? null : (
            <>
              {' '}
              <Link href="/sign-in?callbackUrl=%2Fscenarios" className="text-sky-700 underline">Sign in</Link> to track your status.
            </>
          )}
        </p>
      </div>

      <form method="get" action="/scenarios" role="search" aria-label="Filter scenarios" className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder="e.g. dns egress" className={selectClass} />
        </div>
        <div>
          <label htmlFor="topic" className="block text-sm font-medium">Topic</label>
          <select id="topic" name="topic" defaultValue={filters.topic ?? ''} className={selectClass}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="difficulty" className="block text-sm font-medium">Difficulty</label>
          <select id="difficulty" name="difficulty" defaultValue={filters.difficulty ? String(filters.difficulty) : ''} className={selectClass}>
            <option value="">Any</option>
            <option value="1">Easy</option>
            <option value="2">Medium</option>
            <option value="3">Hard</option>
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ''} className={selectClass}>
            <option value="">Any</option>
            <option value="new">New</option>
            <option value="attempted">Attempted</option>
            <option value="solved">Solved</option>
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-600">Filter</button>
          {filtered ? <Link href="/scenarios" className="px-2 py-2 text-sm text-sky-700 underline">Clear</Link> : null}
        </div>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {filtered ? `${entries.length} of ${total} scenarios match.` : `${total} scenarios.`}
      </p>

      {entries.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 ring-1 ring-slate-200">
          {total === 0 ? 'No scenarios are published yet.' : 'No scenario matches these filters.'}
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Scenarios">
          {entries.map((e) => (
            <li key={e.slug} className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className="flex items-start justify-between gap-3">
                <h2 className="font-semibold">
                  <Link href={`/scenarios/${e.slug}`} className="hover:underline">{e.title}</Link>
                </h2>
                {signedIn ? <StatusBadge status={e.standing.status} /> : null}
              </div>
              <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
                <DifficultyLabel difficulty={e.difficulty} />
                <span>{e.timeMinutes} min</span>
                <span>{e.kind === 'predict' ? 'Predict the matrix' : 'Write a policy'}</span>
                {signedIn && e.standing.bestScore !== null ? <span>Best score: {formatScore(e.standing.bestScore)}</span> : null}
              </div>
              <ul className="flex flex-wrap gap-1" aria-label="Topics">
                {/* Plain links, like the filter form: ~150 of them, and a client <Link> each costs render time and payload. */}
                {e.topics.map((t) => (
                  <li key={t}>
                    <a href={`/scenarios?topic=${encodeURIComponent(t)}`} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-200">{t}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
