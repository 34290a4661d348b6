import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assertAuthor } from './assert-author';
import { parseStoredScenario } from './parse-stored';
import { editableWhere, type TActor, type TEditableScenario } from './types';

/**
 * The newest version of `slug` if the actor may edit it. Scenarios of other authors answer NOT_FOUND, the
 * same as missing ones, so drafts stay invisible (not even their existence leaks).
 */
export async function findEditableScenario(actor: TActor, slug: string): Promise<TEditableScenario> {
  assertAuthor(actor);
  const rows = await db.scenario.findMany({
    where: { slug, ...editableWhere(actor) },
    orderBy: { version: 'desc' },
    select: { id: true, slug: true, version: true, published: true, source: true, authorId: true, createdAt: true, content: true },
  });
  // A slug with rows by several authors cannot happen (create refuses taken slugs); the newest row decides.
  if (rows.length === 0) throw new AppError('NOT_FOUND', `no scenario \`${slug}\` that you can edit`);
  const counts = await db.attempt.groupBy({ by: ['scenarioId'], where: { scenarioId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const attempts = new Map(counts.map((c) => [c.scenarioId, c._count._all]));
  const latest = rows[0];
  return {
    id: latest.id,
    slug: latest.slug,
    version: latest.version,
    published: latest.published,
    source: latest.source,
    authorId: latest.authorId,
    content: parseStoredScenario(latest.slug, latest.version, latest.content),
    versions: rows.map((r) => ({ id: r.id, version: r.version, published: r.published, createdAt: r.createdAt, attempts: attempts.get(r.id) ?? 0 })),
  };
}
