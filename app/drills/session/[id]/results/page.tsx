import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { getDrillResults } from '@/lib/db/drill/get-drill-results';
import { PASS_THRESHOLD } from '@/lib/drills/score';
import { renderMarkdown } from '@/lib/editor/markdown';
import { formatDateTime, formatDuration } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';
import { toRevealedSolution } from '@/app/_components/exercise/exercise-view';
import { TaskReview } from '../../../_components/task-review';
import { StartDrillButton } from '../../../_components/start-drill';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Drill results' };

type TProps = { params: Promise<{ id: string }> };

const ID_RE = /^[a-z0-9]{8,64}$/i;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Results of a finished drill: weighted total, pass at 66%, time per task, and the full review of every task. */
export default async function DrillResultsPage({ params }: TProps) {
  const { id } = await params;
  if (!ID_RE.test(id)) notFound();
  let data: Awaited<ReturnType<typeof getDrillResults>>;
  try {
    const user = await getOptionalUser();
    if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/drills/session/${id}/results`)}`);
    data = await getDrillResults(user.id, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="these results" />;
    throw err;
  }
  if (!data) redirect(`/drills/session/${id}`);
  const { results, tasks } = data;
  const usedMs = new Date(results.finishedAt).getTime() - data.startedAt.getTime();
  const limitMs = data.deadline.getTime() - data.startedAt.getTime();
  return (
    <div className="space-y-6">
      <Breadcrumb parent={{ href: '/drills', label: 'Drills' }} current="Results" />
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{results.title}: results</h1>
        <div className="flex flex-wrap items-baseline gap-4" data-testid="drill-results-summary">
          <span className={`text-3xl font-bold ${results.passed ? 'text-emerald-700' : 'text-rose-700'}`} data-testid="drill-total-score">
            {pct(results.score)}
          </span>
          <span className={`rounded px-2 py-0.5 text-sm font-semibold ${results.passed ? 'bg-emerald-100 text-emerald-900' : 'bg-rose-100 text-rose-900'}`} data-testid="drill-passed">
            {results.passed ? '✔ Passed' : '✘ Not passed'}
          </span>
          <span className="text-sm text-slate-600">
            pass mark {pct(PASS_THRESHOLD)}; tasks weighted by difficulty ({results.earned.toFixed(2).replace(/\.00$/, '')} of {results.possible} points)
          </span>
        </div>
        <p className="text-sm text-slate-600">
          Started {formatDateTime(data.startedAt)}; {results.finishedBy === 'deadline' ? 'ended when time ran out' : 'finished by you'} after {formatDuration(usedMs)} of {formatDuration(limitMs)}.
        </p>
      </header>

      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          Tasks
        </h2>
        <table className="mt-2 w-full max-w-4xl text-sm" data-testid="drill-results-table">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2">#</th>
              <th scope="col" className="py-2">Task</th>
              <th scope="col" className="py-2">Weight</th>
              <th scope="col" className="py-2">Score</th>
              <th scope="col" className="py-2">Result</th>
              <th scope="col" className="py-2">Time spent</th>
            </tr>
          </thead>
          <tbody>
            {results.tasks.map((t) => (
              <tr key={t.index} className="border-t border-slate-200" data-testid={`drill-result-${t.index}`} data-score={t.score} data-answered={t.answered ? 'true' : 'false'}>
                <td className="py-2 font-mono text-xs">{t.index + 1}</td>
                <td className="py-2">
                  <a href={`#review-${t.index}`} className="text-sky-800 underline">
                    {t.title}
                  </a>
                </td>
                <td className="py-2">{t.difficulty}</td>
                <td className="py-2 tabular-nums">{pct(t.score)}</td>
                <td className="py-2">{!t.answered ? 'no answer' : t.passed ? '✔ passed' : '✘ not passed'}</td>
                <td className="py-2 tabular-nums">{formatDuration(t.timeSpentMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {tasks.map((t) => (
        <section key={t.index} id={`review-${t.index}`} aria-labelledby={`review-${t.index}-heading`} className="space-y-3 border-t border-slate-200 pt-4">
          <h2 id={`review-${t.index}-heading`} className="text-lg font-semibold">
            Task {t.index + 1}: {t.title}{' '}
            <span className="text-sm font-normal text-slate-600">
              ({pct(t.score)}, {formatDuration(t.timeSpentMs)})
            </span>
          </h2>
          <details>
            <summary className="cursor-pointer text-sm font-semibold">The task</summary>
            <div className="prose-task mt-1 text-sm" dangerouslySetInnerHTML={{ __html: renderMarkdown(t.content.task) }} />
          </details>
          <TaskReview
            index={t.index}
            kind={t.content.kind}
            yaml={t.yaml}
            attempt={t.attempt}
            solution={toRevealedSolution(t.content)}
          />
          <p className="text-xs">
            <Link href={`/scenarios/${t.scenario}`} className="text-sky-800 underline">
              Practise this scenario on its own
            </Link>
          </p>
        </section>
      ))}
      <div className="flex flex-wrap items-center gap-4">
        {data.drillSlug && <StartDrillButton slug={data.drillSlug} title={`${results.title} again`} label="Try this drill again" />}
        <Link href="/drills" className="font-medium text-sky-800 underline">
          Back to the drills
        </Link>
      </div>
    </div>
  );
}
