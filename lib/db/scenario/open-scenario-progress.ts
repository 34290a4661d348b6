import { db } from '@/lib/db/client';
import { PROGRESS_SELECT, type TScenarioProgress } from './types';

/** Creates the progress record on first open (openedAt = now) and returns it; later opens change nothing. */
export async function openScenarioProgress(userId: string, slug: string): Promise<TScenarioProgress> {
  // Every open and submission after the first finds the row: one indexed read instead of Prisma's upsert
  // (which takes several round trips when there is nothing to update).
  const where = { userId_scenarioSlug: { userId, scenarioSlug: slug } };
  const existing = await db.scenarioProgress.findUnique({ where, select: PROGRESS_SELECT });
  if (existing) return existing;
  try {
    return await db.scenarioProgress.upsert({
      where,
      create: { userId, scenarioSlug: slug, hintsUnlocked: 0, gaveUp: false, solutionViewed: false },
      update: {},
      select: PROGRESS_SELECT,
    });
  } catch (err) {
    // Prisma's upsert reads then creates: of two first opens at once (parallel submissions, two tabs) the later
    // create hits the unique index (P2002). The row the other one created is the answer.
    if ((err as { code?: unknown } | null)?.code !== 'P2002') throw err;
    return db.scenarioProgress.findUniqueOrThrow({ where, select: PROGRESS_SELECT });
  }
}
