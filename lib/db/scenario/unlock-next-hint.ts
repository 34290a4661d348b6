import { db } from '@/lib/db/client';
import { PROGRESS_SELECT, type TScenarioProgress } from './types';

/**
 * Unlocks one more hint (never more than `hintCount`) and returns the new record. The increment is a single
 * conditional UPDATE so two quick clicks cannot skip past the last hint.
 */
export async function unlockNextHint(userId: string, slug: string, hintCount: number): Promise<TScenarioProgress> {
  const where = { userId_scenarioSlug: { userId, scenarioSlug: slug } };
  await db.scenarioProgress.upsert({
    where,
    create: { userId, scenarioSlug: slug, hintsUnlocked: 0, gaveUp: false, solutionViewed: false },
    update: {},
  });
  await db.scenarioProgress.updateMany({
    where: { userId, scenarioSlug: slug, hintsUnlocked: { lt: hintCount } },
    data: { hintsUnlocked: { increment: 1 } },
  });
  return db.scenarioProgress.findUniqueOrThrow({ where, select: PROGRESS_SELECT });
}
