import { db } from '@/lib/db/client';
import { PROGRESS_SELECT, type TScenarioProgress } from './types';

/** The user's progress record for `slug`, or null if they never opened it. */
export async function getScenarioProgress(userId: string, slug: string): Promise<TScenarioProgress | null> {
  return db.scenarioProgress.findUnique({ where: { userId_scenarioSlug: { userId, scenarioSlug: slug } }, select: PROGRESS_SELECT });
}
