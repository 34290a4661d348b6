import { db } from '@/lib/db/client';
import { assertAuthor } from './assert-author';
import { editableWhere, type TActor, type TAuthorScenarioSummary } from './types';

/** The scenarios the actor may edit (instructors: their own; admins: all), newest change first. */
export async function listAuthorScenarios(actor: TActor): Promise<TAuthorScenarioSummary[]> {
  assertAuthor(actor);
  const rows = await db.scenario.findMany({
    where: editableWhere(actor),
    select: { slug: true, version: true, published: true, source: true, authorId: true, createdAt: true, content: true },
    orderBy: [{ slug: 'asc' }, { version: 'desc' }],
  });
  const bySlug = new Map<string, typeof rows>();
  for (const r of rows) bySlug.set(r.slug, [...(bySlug.get(r.slug) ?? []), r]);
  const counts = await db.attempt.groupBy({ by: ['scenarioSlug'], where: { scenarioSlug: { in: [...bySlug.keys()] } }, _count: { _all: true } });
  const attempts = new Map(counts.map((c) => [c.scenarioSlug, c._count._all]));
  const out: TAuthorScenarioSummary[] = [];
  for (const [slug, versions] of bySlug) {
    const latest = versions[0];
    const published = versions.find((v) => v.published) ?? null;
    const content = latest.content as { title?: unknown };
    out.push({
      slug,
      title: typeof content.title === 'string' ? content.title : slug,
      source: latest.source,
      authorId: latest.authorId,
      latestVersion: latest.version,
      publishedVersion: published?.version ?? null,
      hasDraft: !latest.published,
      versions: versions.length,
      attempts: attempts.get(slug) ?? 0,
      updatedAt: latest.createdAt,
    });
  }
  return out.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.slug.localeCompare(b.slug));
}
