import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { listOwnAttempts } from '@/lib/db/attempt/list-own-attempts';
import { listPublishedScenarios } from '@/lib/db/progress/list-published-scenarios';
import { formatScore } from '@/app/_components/status-badge';
import { formatDateTime, formatDuration } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';

export const metadata: Metadata = { title: 'Attempts' };
export const dynamic = 'force-dynamic';

/** The signed-in user's own submissions, newest first (`?page=`, `?scenario=` to filter). */
export default async function AttemptsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof sp.page === 'string' ? sp.page : '1', 10) || 1));
  const scenarioSlug = typeof sp.scenario === 'string' && /^[a-z0-9-]{1,100}$/.test(sp.scenario) ? sp.scenario : undefined;
  let data: Awaited<ReturnType<typeof listOwnAttempts>>;
  let titles: Map<string, string>;
  try {
    const user = await getOptionalUser();
    if (!user) redirect('/sign-in?callbackUrl=%2Fattempts');
    const [list, scenarios] = await Promise.all([listOwnAttempts(user.id, { page, scenarioSlug, includeDrills: true }), listPublishedScenarios()]);
    data = list;
    titles = new Map(scenarios.map((s) => [s.slug, s.title]));
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="your attempts" />;
    throw err;
  }
  const qs = (p: number) => `/attempts?${new URLSearchParams({ ...(scenarioSlug ? { scenario: scenarioSlug } : {}), page: String(p) }).toString()}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Your attempts</h1>
        <p className="mt-1 text-sm text-slate-600">
          {data.total} {data.total === 1 ? 'submission' : 'submissions'}
          {scenarioSlug ? (
            <>
              {' '}for <code>{scenarioSlug}</code> (<Link href="/attempts" className="text-sky-700 underline">show all</Link>)
            </>
          ) : null}
          . Open one to replay it with the feedback pinned to its lines.
        </p>
      </div>
      {data.items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 ring-1 ring-slate-200">
          No attempts yet. <Link href="/scenarios" className="text-sky-700 underline">Pick a scenario</Link> to start.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-sm">
            <caption className="sr-only">Your attempts, newest first</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Scenario</th>
                <th scope="col" className="px-3 py-2">Result</th>
                <th scope="col" className="px-3 py-2">Score</th>
                <th scope="col" className="px-3 py-2">Time</th>
                <th scope="col" className="px-3 py-2">Hints</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id} className="border-t border-slate-200">
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/attempts/${a.id}`} className="text-sky-700 underline">{formatDateTime(a.createdAt)}</Link>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/attempts?scenario=${a.scenarioSlug}`} className="hover:underline" title="Only this scenario's attempts">{titles.get(a.scenarioSlug) ?? a.scenarioSlug}</Link>
                    {a.inDrill ? <span className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800">drill</span> : null}
                  </td>
                  <td className="px-3 py-2">{a.passed ? <span className="text-emerald-800">✓ Passed</span> : <span className="text-amber-800">✗ Not passed</span>}</td>
                  <td className="px-3 py-2 tabular-nums">{formatScore(a.score)} <span className="text-xs text-slate-500">({a.passedCount}/{a.total})</span></td>
                  <td className="px-3 py-2 tabular-nums">{formatDuration(a.durationMs)}</td>
                  <td className="px-3 py-2 tabular-nums">{a.hintsUsed}{a.solutionViewed ? ' · solution viewed' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? <Link href={qs(page - 1)} className="text-sky-700 underline">← Newer</Link> : null}
        {data.hasMore ? <Link href={qs(page + 1)} className="text-sky-700 underline">Older →</Link> : null}
      </nav>
    </div>
  );
}
