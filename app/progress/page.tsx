import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { getProgress } from '@/lib/db/progress/get-progress';
import type { TProgress } from '@/lib/db/progress/types';
import { ScoreChart } from '@/app/_components/score-chart';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';
import { formatDuration } from '@/app/_components/format';
import { DrillHistorySection } from '@/app/drills/_components/drill-history';

export const metadata: Metadata = { title: 'Progress' };
export const dynamic = 'force-dynamic';

function Stat({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold">{value}</dd>
      {sub ? <dd className="text-xs text-slate-600">{sub}</dd> : null}
    </div>
  );
}

/** The learner's progress: solved/total, topic mastery, score history, streak, time, and what to practise next. */
export default async function ProgressPage() {
  let progress: TProgress;
  try {
    const user = await getOptionalUser();
    if (!user) redirect('/sign-in?callbackUrl=%2Fprogress');
    progress = await getProgress(user.id);
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="your progress" />;
    throw err;
  }
  const p = progress;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Your progress</h1>

      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Solved" value={`${p.solved} / ${p.total}`} sub={p.attempted ? `${p.attempted} attempted, not solved yet` : undefined} />
        <Stat label="Streak" value={`${p.streak.current} ${p.streak.current === 1 ? 'day' : 'days'}`} sub={`longest ${p.streak.longest}; ${p.streak.activeDays} practice days (UTC)`} />
        <Stat label="Time spent" value={formatDuration(p.timeSpentMs)} sub="page open to submit, at most 1 h per attempt" />
        <Stat label="Attempts" value={String(p.attemptCount)} sub={p.history.length ? `last on ${p.history[p.history.length - 1].at.slice(0, 10)}` : 'none yet'} />
      </dl>

      <section aria-labelledby="next-heading" className="rounded-lg bg-sky-50 p-4 ring-1 ring-sky-200">
        <h2 id="next-heading" className="font-semibold">Practise next</h2>
        {p.practiseNext ? (
          <p className="mt-1 text-sm">
            <Link href={`/scenarios/${p.practiseNext.slug}`} className="font-medium text-sky-800 underline">{p.practiseNext.title}</Link>{' '}
            <span className="text-slate-700">— {p.practiseNext.reason}.</span>
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">{p.total ? 'You have solved every scenario. Try a drill to practise against the clock.' : 'No scenarios are published yet.'}</p>
        )}
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">Score history</h2>
        <ScoreChart points={p.history} />
      </section>

      <section aria-labelledby="topics-heading" className="space-y-2">
        <h2 id="topics-heading" className="text-lg font-semibold">Mastery by topic</h2>
        <p className="text-xs text-slate-600">Share of a topic&apos;s scenarios solved; recent failed attempts lower it, old ones less so.</p>
        {p.topics.length === 0 ? (
          <p className="text-sm text-slate-600">No topics yet.</p>
        ) : (
          <table className="w-full max-w-3xl text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="py-2">Topic</th>
                <th scope="col" className="py-2">Solved</th>
                <th scope="col" className="w-1/2 py-2">Mastery</th>
              </tr>
            </thead>
            <tbody>
              {p.topics.map((t) => {
                const pct = Math.round(t.mastery * 100);
                return (
                  <tr key={t.topic} className="border-t border-slate-200">
                    <th scope="row" className="py-2 text-left font-medium">
                      <Link href={`/scenarios?topic=${encodeURIComponent(t.topic)}`} className="hover:underline">{t.topic}</Link>
                    </th>
                    <td className="py-2">{t.solved} / {t.total}</td>
                    <td className="py-2">
                      <div className="flex items-center gap-2">
                        <div className="h-2 flex-1 rounded bg-slate-200" aria-hidden="true">
                          <div className="h-2 rounded bg-sky-600" style={{ width: `${pct}%` }} />
                        </div>
                        <span className="w-10 text-right tabular-nums">{pct}%</span>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <DrillHistorySection />
    </div>
  );
}
