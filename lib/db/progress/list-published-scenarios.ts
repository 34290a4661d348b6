import { db } from '@/lib/db/client';
import type { TCatalogScenario } from './types';

type TContentFields = { title?: unknown; kind?: unknown; difficulty?: unknown; timeMinutes?: unknown; topics?: unknown; task?: unknown };

/** The newest published version of every scenario, with its learner-visible catalog fields only. */
export async function listPublishedScenarios(): Promise<TCatalogScenario[]> {
  const rows = await db.scenario.findMany({
    where: { published: true },
    orderBy: [{ slug: 'asc' }, { version: 'desc' }],
    distinct: ['slug'],
    select: { id: true, slug: true, version: true, content: true },
  });
  return rows.map((r) => {
    // Pick fields by name: the stored content also holds hidden data (expectations, solution) that must not leak.
    const c = (r.content ?? {}) as TContentFields;
    return {
      id: r.id,
      slug: r.slug,
      version: r.version,
      title: typeof c.title === 'string' ? c.title : r.slug,
      kind: c.kind === 'predict' ? 'predict' : 'write',
      difficulty: typeof c.difficulty === 'number' ? c.difficulty : 1,
      timeMinutes: typeof c.timeMinutes === 'number' ? c.timeMinutes : 0,
      topics: Array.isArray(c.topics) ? c.topics.filter((t): t is string => typeof t === 'string') : [],
      task: typeof c.task === 'string' ? c.task : '',
    };
  });
}
