import { db } from '@/lib/db/client';
import { PROGRESS_SELECT, type TScenarioProgress } from './types';

/** Records that the user saw the reference solution; `gaveUp` also marks an explicit give-up (before any pass). */
export async function recordSolutionViewed(userId: string, slug: string, opts: { gaveUp: boolean }): Promise<TScenarioProgress> {
  const data = opts.gaveUp ? { solutionViewed: true, gaveUp: true } : { solutionViewed: true };
  return db.scenarioProgress.upsert({
    where: { userId_scenarioSlug: { userId, scenarioSlug: slug } },
    create: { userId, scenarioSlug: slug, hintsUnlocked: 0, gaveUp: opts.gaveUp, solutionViewed: true },
    update: data,
    select: PROGRESS_SELECT,
  });
}
