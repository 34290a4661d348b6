import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser, canAuthor } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import { parsePreviewState, previewCookieName } from '@/lib/authoring/preview-state';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import { ExerciseView, toRevealedSolution } from '@/app/_components/exercise/exercise-view';
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
  const solution = revealed && (state.solutionViewed || state.gaveUp) ? toRevealedSolution(stored.content) : null;

  return (
    <ExerciseView
      learner={learner}
      version={stored.version}
      banner={
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" role="note">
          <p>
            Preview of version {stored.version} ({stored.published ? 'published' : 'draft'}) as a learner sees it. Submissions are graded but not stored.{' '}
            <Link href={`/author/${slug}`} className="font-medium text-sky-800 underline">
              Back to the editor
            </Link>
          </p>
          <ResetPreview slug={slug} />
        </div>
      }
      workbench={{
        scenarioVersion: stored.version,
        signedIn: true,
        vimMode: user.vimMode,
        serverDraft: null,
        lastResult: null,
        passed: state.passed,
        gaveUp: state.gaveUp,
        solution,
        apiBase: `/api/author/scenarios/${slug}/preview`,
      }}
    />
  );
}
