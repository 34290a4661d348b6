import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { parsePreviewState, previewCookieName } from '@/lib/authoring/preview-state';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import { ExerciseView, toRevealedSolution } from '@/app/_components/exercise/exercise-view';
import { loadEditableOrNotFound } from '../load-editable';
import { ResetPreview } from './reset-preview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview' };

/**
 * The newest version (draft included) exactly as a learner gets it: the same redaction (`toLearnerScenario`),
 * the same components and the same reveal rules; submissions are graded but never stored.
 */
export default async function PreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, scenario: stored } = await loadEditableOrNotFound(slug, `/author/${slug}/preview`);
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
