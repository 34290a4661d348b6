import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { getDrillSessionView, type TSessionView } from '@/lib/db/drill/get-drill-session-view';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import type { TScenario } from '@/lib/scenarios/schema';
import { ExerciseBrief, difficultyLabel } from '@/app/_components/exercise/exercise-view';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';
import { DrillRunner, type TRunnerTask } from '../../_components/drill-runner';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Drill in progress' };

type TProps = { params: Promise<{ id: string }> };

const ID_RE = /^[a-z0-9]{8,64}$/i;

// The task as a learner sees it: the same redaction and brief as the exercise page (no expectations, no solution, no hints).
function TaskPanel({ scenario, index, total }: { scenario: TScenario; index: number; total: number }) {
  const learner = toLearnerScenario(scenario, { hintsUnlocked: 0 });
  return (
    <article className="space-y-4" aria-labelledby={`task-${index}-title`}>
      <header>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Task {index + 1} of {total} · {learner.kind === 'predict' ? 'predict the connectivity' : 'write NetworkPolicies'} · {difficultyLabel(learner.difficulty)} (weight {learner.difficulty}) · namespace <code>{learner.namespace}</code>
        </p>
        <h2 id={`task-${index}-title`} className="text-xl font-semibold">
          {learner.title}
        </h2>
      </header>
      <ExerciseBrief learner={learner} titled={false} />
    </article>
  );
}

/** A drill in progress: frozen tasks, server deadline, drafts. Finished sessions go to their results. */
export default async function DrillSessionPage({ params }: TProps) {
  const { id } = await params;
  if (!ID_RE.test(id)) notFound();
  let loaded: Awaited<ReturnType<typeof getDrillSessionView>>;
  let vimMode = false;
  try {
    const user = await getOptionalUser();
    if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/drills/session/${id}`)}`);
    vimMode = user.vimMode;
    loaded = await getDrillSessionView(user.id, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="this drill" />;
    throw err;
  }
  const { view, scenarios } = loaded;
  if (view.finished) redirect(`/drills/session/${id}/results`);
  const tasks: TRunnerTask[] = view.tasks.map((t) => runnerTask(t, scenarios.get(t.index)!));
  return (
    <div className="space-y-3">
      <Breadcrumb parent={{ href: '/drills', label: 'Drills' }} current={view.title} />
      <DrillRunner
        sessionId={view.id}
        title={view.title}
        feedback={view.feedback}
        startedAt={view.startedAt}
        deadline={view.deadline}
        serverNow={view.serverNow}
        vimMode={vimMode}
        tasks={tasks}
        panels={view.tasks.map((t) => (
          <TaskPanel key={t.index} scenario={scenarios.get(t.index)!} index={t.index} total={view.tasks.length} />
        ))}
      />
    </div>
  );
}

function runnerTask(t: TSessionView['tasks'][number], scenario: TScenario): TRunnerTask {
  const learner = toLearnerScenario(scenario, { hintsUnlocked: 0 });
  return {
    index: t.index,
    scenario: t.scenario,
    title: t.title,
    kind: t.kind,
    difficulty: t.difficulty,
    namespace: learner.namespace,
    cluster: learner.cluster,
    starter: learner.starter,
    cells: learner.cells,
    draft: t.draft,
    flagged: t.flagged,
    lastResult: t.lastResult,
  };
}
