import { db } from '@/lib/db/client';
import type { TCatalogScenario } from './types';

type TContentFields = { title?: unknown; kind?: unknown; difficulty?: unknown; timeMinutes?: unknown; topics?: unknown; task?: unknown };

/** The newest published version of every scenario, with its learner-visible catalog fields only. */
export async function listPublishedScenarios(): Promise<TCatalogScenario[]> {
  // One lean query: Postgres picks the newest published version per slug (DISTINCT ON; Prisma's `distinct`
  // would fetch every version and dedupe in JS) and sends only the catalog fields of `content`, not the whole
  // 5-25 KB document with cluster, expectations and solution. Picking fields by name also keeps hidden data
  // (expectations, solution) out of this function's answer.
  const rows = await db.$queryRaw<{ id: string; slug: string; version: number; fields: TContentFields | null }[]>`
    SELECT DISTINCT ON ("slug") "id", "slug", "version",
      jsonb_build_object('title', "content"->'title', 'kind', "content"->'kind', 'difficulty', "content"->'difficulty',
        'timeMinutes', "content"->'timeMinutes', 'topics', "content"->'topics', 'task', "content"->'task') AS "fields"
    FROM "Scenario"
    WHERE "published" = true
    ORDER BY "slug" ASC, "version" DESC`;
  return rows.map((r) => {
    const c = r.fields ?? {};
    return {
      id: r.id,
      slug: r.slug,
      version: Number(r.version),
      title: typeof c.title === 'string' ? c.title : r.slug,
      kind: c.kind === 'predict' ? 'predict' : 'write',
      difficulty: typeof c.difficulty === 'number' ? c.difficulty : 1,
      timeMinutes: typeof c.timeMinutes === 'number' ? c.timeMinutes : 0,
      topics: Array.isArray(c.topics) ? c.topics.filter((t): t is string => typeof t === 'string') : [],
      task: typeof c.task === 'string' ? c.task : '',
    };
  });
}
