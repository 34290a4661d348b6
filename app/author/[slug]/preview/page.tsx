import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser, canAuthor } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import { parsePreviewState, previewCookieName } from '@/lib/authoring/preview-state';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import { renderMarkdown } from '@/lib/editor/markdown';
import { describeExisting } from '@/lib/editor/describe-existing';
import { ClusterTables } from '@/app/_components/exercise/cluster-tables';
import { ExistingPolicies } from '@/app/_components/exercise/existing-policies';
import { ExerciseWorkbench } from '@/app/_components/exercise/exercise-workbench';
import type { TRevealedSolution } from '@/app/_components/exercise/types';
import { ResetPreview } from './reset-preview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview' };

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The newest version (draft included) exactly as a learner gets it: the same redaction (`toLearnerScenario`),
 * the same components and the same reveal rules; submissions are graded but never stored.
 */
export default async function PreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG_RE.test(slug)) notFound();
  const user = await getOptionalUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/author/${slug}/preview`)}`);
  if (!canAuthor(user.role)) notFound();
  let stored;
  try {
    stored = await findEditableScenario({ id: user.id, role: user.role }, slug);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const state = parsePreviewState((await cookies()).get(previewCookieName(slug))?.value);
  const revealed = state.passed || state.gaveUp;
  const learner = toLearnerScenario(stored.content, { hintsUnlocked: state.hintsUnlocked });
  let solution: TRevealedSolution | null = null;
  if (revealed && (state.solutionViewed || state.gaveUp)) {
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
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" role="note">
        <p>
          Preview of version {stored.version} ({stored.published ? 'published' : 'draft'}) as a learner sees it. Submissions are graded but not stored.{' '}
          <Link href={`/author/${slug}`} className="font-medium text-sky-800 underline">
            Back to the editor
          </Link>
        </p>
        <ResetPreview slug={slug} />
      </div>
      <header className="space-y-1">
        <h1 id="scenario-title" className="text-2xl font-semibold">
          {learner.title}
        </h1>
        <p className="text-sm text-slate-600">
          {learner.kind === 'predict' ? 'Predict the connectivity' : 'Write NetworkPolicies'} · {difficulty} · about {learner.timeMinutes} min · namespace <code>{learner.namespace}</code> · topics:{' '}
          {learner.topics.join(', ')}
          {state.passed && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900">solved</span>}
        </p>
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
            scenarioVersion={stored.version}
            timeMinutes={learner.timeMinutes}
            signedIn
            vimMode={user.vimMode}
            serverDraft={null}
            lastResult={null}
            passed={state.passed}
            gaveUp={state.gaveUp}
            solution={solution}
            apiBase={`/api/author/scenarios/${slug}/preview`}
          />
        </div>
      </div>
    </article>
  );
}
