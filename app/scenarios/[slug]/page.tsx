import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { openScenarioProgress } from '@/lib/db/scenario/open-scenario-progress';
import { getRevealState, type TRevealState } from '@/lib/db/scenario/get-reveal-state';
import { getDraft } from '@/lib/db/draft/get-draft';
import { listOwnAttempts } from '@/lib/db/attempt/list-own-attempts';
import { toAttemptResponse } from '@/lib/db/attempt/attempt-response';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import { renderMarkdown } from '@/lib/editor/markdown';
import { describeExisting } from '@/lib/editor/describe-existing';
import { ClusterTables } from '@/app/_components/exercise/cluster-tables';
import { ExistingPolicies } from '@/app/_components/exercise/existing-policies';
import { ExerciseWorkbench } from '@/app/_components/exercise/exercise-workbench';
import type { TRevealedSolution, TWorkbenchProps } from '@/app/_components/exercise/types';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ slug: string }> };

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// generateMetadata and the page run in the same request: load the scenario once.
const loadScenario = cache(findPublishedScenario);

/** The page title is the scenario title (learner-visible). */
export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug } = await params;
  const scenario = SLUG_RE.test(slug) ? await loadScenario(slug) : null;
  return { title: scenario ? scenario.content.title : 'Scenario not found' };
}

const NOT_SIGNED_IN: TRevealState = { passed: false, gaveUp: false, solutionViewed: false, hintsUnlocked: 0, revealed: false };

/**
 * The exercise page. Everything sent to the browser goes through `toLearnerScenario` (no expectations, no
 * solution, no locked hints); the solution and explanation are added only after a pass or give-up once viewed.
 */
export default async function ExercisePage({ params }: TProps) {
  const { slug } = await params;
  if (!SLUG_RE.test(slug)) notFound();
  const stored = await loadScenario(slug);
  if (!stored) notFound();
  const user = await getOptionalUser();

  let state = NOT_SIGNED_IN;
  let serverDraft: TWorkbenchProps['serverDraft'] = null;
  let lastResult: TWorkbenchProps['lastResult'] = null;
  if (user) {
    await openScenarioProgress(user.id, slug);
    const [s, draft, attempts] = await Promise.all([getRevealState(user.id, slug), getDraft(user.id, slug), listOwnAttempts(user.id, { scenarioSlug: slug, limit: 1 })]);
    state = s;
    serverDraft = draft ? { yaml: draft.yaml, updatedAt: draft.updatedAt.toISOString() } : null;
    lastResult = attempts[0] ? toAttemptResponse(attempts[0], { revealed: s.revealed }) : null;
  }

  const learner = toLearnerScenario(stored.content, { hintsUnlocked: state.hintsUnlocked });
  let solution: TRevealedSolution | null = null;
  if (state.revealed && (state.solutionViewed || state.gaveUp)) {
    const c = stored.content;
    solution = {
      solution: c.solution ?? null,
      explanationHtml: renderMarkdown(c.explanation),
      expectations: c.expectations.map((e) => ({ from: e.from, to: e.to, port: e.port, protocol: e.protocol, allowed: e.allowed, why: e.why })),
    };
  }
  const existing = describeExisting(learner.existingPolicies, learner.namespace);
  const difficulty = ['', 'easy', 'medium', 'hard'][learner.difficulty] ?? String(learner.difficulty);

  return (
    <article className="space-y-6" aria-labelledby="scenario-title">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/scenarios" className="text-sky-800 underline">
          Scenarios
        </Link>{' '}
        / <span aria-current="page">{learner.slug}</span>
      </nav>
      <header className="space-y-1">
        <h1 id="scenario-title" className="text-2xl font-semibold">
          {learner.title}
        </h1>
        <p className="text-sm text-slate-600">
          {learner.kind === 'predict' ? 'Predict the connectivity' : 'Write NetworkPolicies'} · {difficulty} · about {learner.timeMinutes} min · namespace{' '}
          <code>{learner.namespace}</code> · topics: {learner.topics.join(', ')} · version {stored.version}
          {state.passed && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900">solved</span>}
        </p>
        {!user && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/scenarios/${slug}`)}`} className="font-medium text-sky-800 underline">
              Sign in
            </Link>{' '}
            to submit, get graded and keep your progress. Your draft is kept in this browser meanwhile.
          </p>
        )}
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="task-heading">
            <h2 id="task-heading" className="text-lg font-semibold">
              Task
            </h2>
            <div className="prose-task" data-testid="task" dangerouslySetInnerHTML={{ __html: renderMarkdown(learner.task) }} />
            {learner.requirements.length > 0 && (
              <div className="mt-2 text-sm">
                <p className="font-semibold">Also checked:</p>
                <ul className="list-disc pl-5">
                  {learner.requirements.map((r) => (
                    <li key={r} dangerouslySetInnerHTML={{ __html: renderMarkdown(r).replace(/^<p>|<\/p>\n?$/g, '') }} />
                  ))}
                </ul>
              </div>
            )}
          </section>
          <ClusterTables cluster={learner.cluster} />
          {learner.existingPolicies && (
            <ExistingPolicies
              yaml={learner.existingPolicies}
              policies={existing}
              readOnlyNote={
                learner.kind === 'predict'
                  ? 'These are the policies to reason about; they are read-only.'
                  : 'Your submission is applied on top of these like kubectl apply: a policy with the same namespace and name replaces one of them, anything else adds.'
              }
            />
          )}
        </div>
        <div className="min-w-0">
          <ExerciseWorkbench
            scenario={{
              slug: learner.slug,
              kind: learner.kind,
              namespace: learner.namespace,
              cluster: learner.cluster,
              starter: learner.starter,
              hints: learner.hints,
              hintsTotal: learner.hintsTotal,
              requirements: learner.requirements,
              matrixPorts: learner.matrixPorts,
              cells: learner.cells,
            }}
            timeMinutes={learner.timeMinutes}
            signedIn={!!user}
            vimMode={user?.vimMode ?? false}
            serverDraft={serverDraft}
            lastResult={lastResult}
            passed={state.passed}
            gaveUp={state.gaveUp}
            solution={solution}
          />
        </div>
      </div>
    </article>
  );
}
