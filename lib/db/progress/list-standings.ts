import { db } from '@/lib/db/client';
import type { TScenarioStanding } from './types';

/**
 * A user's standing per scenario slug (drill attempts included), aggregated in Postgres: the catalog needs one
 * row per slug, not every attempt (a busy learner has hundreds). Same rules as computeStandings.
 */
export async function listStandings(userId: string): Promise<Map<string, TScenarioStanding>> {
  const rows = await db.$queryRaw<{ slug: string; attempts: number; bestScore: number; solved: boolean; lastAttemptAt: Date | string }[]>`
    SELECT "scenarioSlug" AS "slug", count(*)::int AS "attempts", max("score") AS "bestScore",
      bool_or("passed") AS "solved", max("createdAt") AS "lastAttemptAt"
    FROM "Attempt"
    WHERE "userId" = ${userId}
    GROUP BY "scenarioSlug"`;
  return new Map(
    rows.map((r) => [r.slug, { status: r.solved ? 'solved' : 'attempted', bestScore: Number(r.bestScore), attempts: Number(r.attempts), lastAttemptAt: new Date(r.lastAttemptAt) }]),
  );
}
