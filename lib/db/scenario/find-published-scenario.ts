import { db } from '@/lib/db/client';
import { ZScenario, type TScenario } from '@/lib/scenarios/schema';
import { AppError } from '@/lib/errors';

/** A stored scenario version: the row's identity plus its validated content (hidden parts included: server only). */
export type TStoredScenario = { id: string; slug: string; version: number; content: TScenario };

// Parsed content by row id + content hash. Reusing the same object also lets the grader's per-scenario cache
// (cluster and existing policies, keyed by object identity) hit across requests.
const parsedCache = new Map<string, TScenario>();
const CACHE_MAX = 500;

/** The lean row of a scenario version: what decides which version applies (no `content`). */
export type TScenarioVersionRow = { id: string; slug: string; version: number; contentHash: string };

/** The newest published version of `slug`, or null when there is none. */
export async function findPublishedScenario(slug: string): Promise<TStoredScenario | null> {
  // Versions are immutable, so the lean lookup (no `content`) decides; the 5-25 KB document is read and
  // validated only when this process has not seen that version yet.
  const row = await db.scenario.findFirst({
    where: { slug, published: true },
    orderBy: { version: 'desc' },
    select: { id: true, slug: true, version: true, contentHash: true },
  });
  if (!row) return null;
  return withScenarioContent(row);
}

/** What reading a scenario's content needs: the app's client or a transaction's. */
export type TScenarioReader = Pick<typeof db, 'scenario'>;

/**
 * `row` with its parsed content: from this process's cache, else read (through `client`: inside a transaction,
 * its own connection) and validated once; null if the row vanished.
 */
export async function withScenarioContent(row: TScenarioVersionRow, client: TScenarioReader = db): Promise<TStoredScenario | null> {
  const key = `${row.id}:${row.contentHash}`;
  let content = parsedCache.get(key);
  if (!content) {
    const full = await client.scenario.findUnique({ where: { id: row.id }, select: { content: true } });
    if (!full) return null; // deleted between the two reads
    const parsed = ZScenario.safeParse(full.content);
    // Rows are validated when seeded or authored; a bad row is a bug, not a user mistake.
    if (!parsed.success) throw new AppError('INTERNAL', `scenario \`${row.slug}\` version ${row.version} is stored in an invalid shape`);
    content = parsed.data;
    if (parsedCache.size >= CACHE_MAX) parsedCache.delete(parsedCache.keys().next().value as string);
    parsedCache.set(key, content);
  }
  return { id: row.id, slug: row.slug, version: row.version, content };
}
