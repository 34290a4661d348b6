import { db } from '@/lib/db/client';
import { withDatabase } from '@/lib/db/errors';
import { withScenarioContent, type TStoredScenario } from './find-published-scenario';
import { openScenarioProgress } from './open-scenario-progress';
import type { TScenarioProgress } from './types';

/** What grading and storing one submission needs to know before the insert. */
export type TSubmitContext = {
  scenario: TStoredScenario;
  progress: TScenarioProgress;
  /** The user had a passing attempt on any version of the slug before this submission. */
  hadPassed: boolean;
};

type TRow = {
  id: string | null;
  slug: string | null;
  version: number | null;
  contentHash: string | null;
  hintsUnlocked: number | null;
  gaveUp: boolean | null;
  solutionViewed: boolean | null;
  openedAt: Date | string | null;
  hadPassed: boolean;
};

// Raw timestamp(3) columns hold UTC without a zone; read them as UTC whatever the driver hands back.
function toDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}

/**
 * The newest published version of `slug`, the user's progress on it and whether they passed it before, in one
 * round trip (the submit hot path did three). Null when no version is published. The progress row is created
 * on the first submission without an open (a second round trip then, once per user and scenario).
 */
export async function loadSubmitContext(userId: string, slug: string): Promise<TSubmitContext | null> {
  const rows = await withDatabase(() => db.$queryRaw<TRow[]>`
    SELECT s."id", s."slug", s."version", s."contentHash",
           p."hintsUnlocked", p."gaveUp", p."solutionViewed", p."openedAt",
           EXISTS (SELECT 1 FROM "Attempt" a WHERE a."userId" = ${userId} AND a."scenarioSlug" = ${slug} AND a."passed") AS "hadPassed"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT "id", "slug", "version", "contentHash" FROM "Scenario"
      WHERE "slug" = ${slug} AND "published" ORDER BY "version" DESC LIMIT 1
    ) AS s ON TRUE
    LEFT JOIN "ScenarioProgress" AS p ON p."userId" = ${userId} AND p."scenarioSlug" = ${slug}`);
  const row = rows[0];
  if (!row || row.id === null || row.slug === null || row.version === null || row.contentHash === null) return null;
  const scenario = await withScenarioContent({ id: row.id, slug: row.slug, version: Number(row.version), contentHash: row.contentHash });
  if (!scenario) return null;
  const progress: TScenarioProgress =
    row.openedAt === null
      ? await openScenarioProgress(userId, slug)
      : { hintsUnlocked: Number(row.hintsUnlocked), gaveUp: Boolean(row.gaveUp), solutionViewed: Boolean(row.solutionViewed), openedAt: toDate(row.openedAt) };
  return { scenario, progress, hadPassed: row.hadPassed === true };
}
