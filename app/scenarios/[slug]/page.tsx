import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { openScenarioProgress } from '@/lib/db/scenario/open-scenario-progress';
import { getRevealState, type TRevealState } from '@/lib/db/scenario/get-reveal-state';
import { getDraft } from '@/lib/db/draft/get-draft';
import { findLatestOwnAttempt } from '@/lib/db/attempt/find-latest-own-attempt';
import { toAttemptResponse } from '@/lib/db/attempt/attempt-response';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import { SLUG_PATTERN } from '@/lib/scenarios/schema';
import { ExerciseView, toRevealedSolution } from '@/app/_components/exercise/exercise-view';
import type { TWorkbenchProps } from '@/app/_components/exercise/types';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ slug: string }> };

// generateMetadata and the page run in the same request: load the scenario once.
const loadScenario = cache(findPublishedScenario);

/** The page title is the scenario title (learner-visible). */
export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug } = await params;
  const scenario = SLUG_PATTERN.test(slug) ? await loadScenario(slug) : null;
  return { title: scenario ? scenario.content.title : 'Scenario not found' };
}

const NOT_SIGNED_IN: TRevealState = { passed: false, gaveUp: false, solutionViewed: false, hintsUnlocked: 0, revealed: false };

/**
 * The exercise page. Everything sent to the browser goes through `toLearnerScenario` (no expectations, no
 * solution, no locked hints); the solution and explanation are added only after a pass or give-up once viewed.
 */
export default async function ExercisePage({ params }: TProps) {
  const { slug } = await params;
  if (!SLUG_PATTERN.test(slug)) notFound();
  const stored = await loadScenario(slug);
  if (!stored) notFound();
  const user = await getOptionalUser();

  let state = NOT_SIGNED_IN;
  let serverDraft: TWorkbenchProps['serverDraft'] = null;
  let lastResult: TWorkbenchProps['lastResult'] = null;
  if (user) {
    await openScenarioProgress(user.id, slug);
    const [s, draft, latest] = await Promise.all([getRevealState(user.id, slug), getDraft(user.id, slug), findLatestOwnAttempt(user.id, slug)]);
    state = s;
    serverDraft = draft ? { yaml: draft.yaml, updatedAt: draft.updatedAt.toISOString() } : null;
    lastResult = latest ? toAttemptResponse(latest, { revealed: s.revealed }) : null;
  }

  const learner = toLearnerScenario(stored.content, { hintsUnlocked: state.hintsUnlocked });
  const solution = state.revealed && (state.solutionViewed || state.gaveUp) ? toRevealedSolution(stored.content) : null;

  return (
    <ExerciseView
      learner={learner}
      version={stored.version}
      banner={<Breadcrumb parent={{ href: '/scenarios', label: 'Scenarios' }} current={learner.slug} />}
      notice={
        !user && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/scenarios/${slug}`)}`} className="font-medium text-sky-800 underline">
              Sign in
            </Link>{' '}
            to submit, get graded and keep your progress. Your draft is kept in this browser meanwhile.
          </p>
        )
      }
      workbench={{ signedIn: !!user, vimMode: user?.vimMode ?? false, serverDraft, lastResult, passed: state.passed, gaveUp: state.gaveUp, solution }}
    />
  );
}
