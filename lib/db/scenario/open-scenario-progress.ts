import { db } from '@/lib/db/client';
import { PROGRESS_SELECT, type TScenarioProgress } from './types';

/** Creates the progress record on first open (openedAt = now) and returns it; later opens change nothing. */
export async function openScenarioProgress(userId: string, slug: string): Promise<TScenarioProgress> {
  // Every open and submission after the first finds the row: one indexed read instead of Prisma's upsert
  // (which takes several round trips when there is nothing to update).
  const existing = await db.scenarioProgress.findUnique({ where: { userId_scenarioSlug: { userId, scenarioSlug: slug } }, select: PROGRESS_SELECT });
  if (existing) return existing;
  return db.scenarioProgress.upsert({
    where: { userId_scenarioSlug: { userId, scenarioSlug: slug } },
    create: { userId, scenarioSlug: slug, hintsUnlocked: 0, gaveUp: false, solutionViewed: false },
    update: {},
    select: PROGRESS_SELECT,
  });
}
