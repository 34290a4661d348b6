import { Prisma } from '@/lib/db/client';
import { queryOnPool } from '@/lib/db/sql';
import { AppError, SIGN_IN_TO_CONTINUE } from '@/lib/errors';
import { rateLimitCountSql, settleRateLimitHits, type TRateLimitCheck, type TRateLimitRow } from '@/lib/db/rate-limit/hit-rate-limits';
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
  userExists: boolean;
  rateLimits: TRateLimitRow[] | string | null;
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

// timestamp(3) columns hold UTC without a zone; selected as text, read them as UTC.
function toDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}

/**
 * Everything a submission needs before grading, in one round trip (the hot path once took five): that the
 * session's user still exists (the caller only decoded the session, it did not read the user row), the
 * rate-limit hits of `opts.rateLimit` counted (a data-modifying CTE), the newest published version of `slug`,
 * the user's progress on it and whether they passed it before.
 * Throws UNAUTHENTICATED when the user is gone, then whatever `rateLimit.enforce` throws (429), both before
 * any grading; null when no version is published. The progress row is created on the first submission without
 * an open (a second round trip then, once per user and scenario).
 */
export async function loadSubmitContext(userId: string, slug: string, opts: { rateLimit?: TRateLimitCheck; now?: Date } = {}): Promise<TSubmitContext | null> {
  const now = opts.now ?? new Date();
  const hits = opts.rateLimit?.hits ?? [];
  // Straight on the pool (lib/db/sql.ts): this and the attempt INSERT are the submit hot path's two statements.
  const rows = await queryOnPool<TRow>(Prisma.sql`
    WITH hits AS (${rateLimitCountSql(hits, now)})
    SELECT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = ${userId}) AS "userExists",
           (SELECT json_agg(json_build_object('key', h."key", 'count', h."count")) FROM hits h) AS "rateLimits",
           s."id", s."slug", s."version", s."contentHash",
           p."hintsUnlocked", p."gaveUp", p."solutionViewed", p."openedAt"::text AS "openedAt",
           EXISTS (SELECT 1 FROM "Attempt" a WHERE a."userId" = ${userId} AND a."scenarioSlug" = ${slug} AND a."passed") AS "hadPassed"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT "id", "slug", "version", "contentHash" FROM "Scenario"
      WHERE "slug" = ${slug} AND "published" ORDER BY "version" DESC LIMIT 1
    ) AS s ON TRUE
    LEFT JOIN "ScenarioProgress" AS p ON p."userId" = ${userId} AND p."scenarioSlug" = ${slug}`);
  const row = rows[0];
  if (!row?.userExists) throw new AppError('UNAUTHENTICATED', SIGN_IN_TO_CONTINUE);
  if (opts.rateLimit) {
    const counted = typeof row.rateLimits === 'string' ? (JSON.parse(row.rateLimits) as TRateLimitRow[]) : (row.rateLimits ?? []);
    opts.rateLimit.enforce(await settleRateLimitHits(hits, counted, now));
  }
  if (row.id === null || row.slug === null || row.version === null || row.contentHash === null) return null;
  const scenario = await withScenarioContent({ id: row.id, slug: row.slug, version: Number(row.version), contentHash: row.contentHash });
  if (!scenario) return null;
  const progress: TScenarioProgress =
    row.openedAt === null
      ? await openScenarioProgress(userId, slug)
      : { hintsUnlocked: Number(row.hintsUnlocked), gaveUp: Boolean(row.gaveUp), solutionViewed: Boolean(row.solutionViewed), openedAt: toDate(row.openedAt) };
  return { scenario, progress, hadPassed: row.hadPassed === true };
}
