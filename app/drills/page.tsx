import type { Metadata } from 'next';
import Link from 'next/link';
import { getOptionalUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { loadDrills } from '@/lib/drills/load-drills';
import { listOwnDrillSessions, bestByDrill, type TDrillHistoryItem } from '@/lib/db/drill/list-own-drill-sessions';
import { listPublishedScenarios } from '@/lib/db/progress/list-published-scenarios';
import { formatDateTime, formatDuration } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';
import { BuildYourOwnForm, StartDrillButton } from './_components/start-drill';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Drills' };

/** The drill catalog: drills from content/drills with task count, time limit and the user's best; build your own. */
export default async function DrillsPage() {
  const drills = loadDrills();
  let history: TDrillHistoryItem[] = [];
  let topics: string[] = [];
  let signedIn = false;
  try {
    const user = await getOptionalUser();
    signedIn = !!user;
    const [h, catalog] = await Promise.all([user ? listOwnDrillSessions(user.id, { limit: 50 }) : Promise.resolve([]), listPublishedScenarios()]);
    history = h;
    topics = [...new Set(catalog.flatMap((s) => s.topics))];
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="the drills" />;
    throw err;
  }
  const best = bestByDrill(history);
  const running = history.filter((h) => !h.finishedAt);
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Drills</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Timed sets of tasks against the clock, like the CKA: alerts at 30, 15 and 5 minutes left (scaled down for short drills), flag tasks to
          come back to, and a score weighted by difficulty with a 66% pass mark. Your answers are saved as you type; a reload or a closed laptop
          costs nothing, and the clock keeps running on the server.
        </p>
        {!signedIn && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
            <Link href="/sign-in?callbackUrl=%2Fdrills" className="font-medium text-sky-800 underline">
              Sign in
            </Link>{' '}
            to start a drill.
          </p>
        )}
      </header>

      {running.length > 0 && (
        <section aria-labelledby="running-heading" className="rounded-lg bg-sky-50 p-4 ring-1 ring-sky-200">
          <h2 id="running-heading" className="font-semibold">
            In progress
          </h2>
          <ul className="mt-1 space-y-1 text-sm">
            {running.map((r) => (
              <li key={r.id}>
                <Link href={`/drills/session/${r.id}`} className="font-medium text-sky-800 underline">
                  Resume {r.title}
                </Link>{' '}
                <span className="text-slate-600">(ends {formatDateTime(r.deadline)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="catalog-heading" className="space-y-3">
        <h2 id="catalog-heading" className="text-lg font-semibold">
          Catalog
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {drills.map((d) => {
            const b = best.get(d.slug);
            const count = d.scenarios ? d.scenarios.length : (d.rule?.count ?? 0);
            return (
              <li key={d.slug} className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`drill-${d.slug}`}>
                <h3 className="font-semibold">{d.title}</h3>
                <p className="text-sm text-slate-700">{d.description}</p>
                <dl className="flex flex-wrap gap-x-4 text-sm text-slate-600">
                  <div>
                    <dt className="inline">Tasks: </dt>
                    <dd className="inline">
                      {count}
                      {d.rule ? ' (drawn at random)' : ''}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline">Time: </dt>
                    <dd className="inline">{d.minutes} min</dd>
                  </div>
                  <div>
                    <dt className="inline">Feedback: </dt>
                    <dd className="inline">{d.feedback === 'end' ? 'at the end' : 'after each task'}</dd>
                  </div>
                  <div>
                    <dt className="inline">Your best: </dt>
                    <dd className="inline" data-testid={`best-${d.slug}`}>
                      {b ? `${Math.round(b.score * 100)}%${b.passed ? ' ✔' : ''}` : '—'}
                    </dd>
                  </div>
                </dl>
                {signedIn && (
                  <div className="mt-auto">
                    <StartDrillButton slug={d.slug} title={d.title} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {signedIn && <BuildYourOwnForm availableTopics={topics} />}

      {signedIn && history.some((h) => h.finishedAt) && (
        <section aria-labelledby="recent-heading" className="space-y-2">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent results
          </h2>
          <ul className="space-y-1 text-sm">
            {history
              .filter((h) => h.finishedAt)
              .slice(0, 10)
              .map((h) => (
                <li key={h.id}>
                  <Link href={`/drills/session/${h.id}/results`} className="text-sky-800 underline">
                    {h.title}
                  </Link>{' '}
                  — {Math.round((h.score ?? 0) * 100)}% {h.passed ? '✔ passed' : '✘ not passed'}, {formatDuration(h.durationMs ?? 0)}, {formatDateTime(h.startedAt)}
                </li>
              ))}
          </ul>
          <p className="text-xs text-slate-600">
            Trends over all your drills are on <Link href="/progress" className="underline">your progress page</Link>.
          </p>
        </section>
      )}
    </div>
  );
}
