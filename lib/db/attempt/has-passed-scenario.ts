import { db } from '@/lib/db/client';

/** True when the user has a passing attempt on any version of `slug` (it unlocks the solution). */
export async function hasPassedScenario(userId: string, slug: string): Promise<boolean> {
  const row = await db.attempt.findFirst({ where: { userId, scenarioSlug: slug, passed: true }, select: { id: true } });
  return row !== null;
}
