import { z } from 'zod';
import { NEW_STANDING } from './compute-progress';
import type { TCatalogScenario, TScenarioStanding } from './types';

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const s = one(v);
  return typeof s === 'string' && s.trim() === '' ? undefined : s;
};

/** Catalog filters from the URL's searchParams (`?q=&topic=&difficulty=&status=`); unknown values are ignored. */
export const ZCatalogFilters = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  topic: z.preprocess(blankToUndefined, z.string().max(50).optional()).catch(undefined),
  difficulty: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(['new', 'attempted', 'solved']).optional()).catch(undefined),
});
/** Catalog filters. */
export type TCatalogFilters = z.infer<typeof ZCatalogFilters>;

/** One catalog row: the scenario and the user's standing on it. */
export type TCatalogEntry = TCatalogScenario & { standing: TScenarioStanding };

/** Join scenarios with standings and apply the filters (text search: every word must occur in title, slug, topics or task). */
export function filterCatalog(scenarios: TCatalogScenario[], standings: Map<string, TScenarioStanding>, filters: TCatalogFilters): TCatalogEntry[] {
  const words = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return scenarios
    .map((s) => ({ ...s, standing: standings.get(s.slug) ?? NEW_STANDING }))
    .filter((e) => {
      if (filters.topic && !e.topics.includes(filters.topic)) return false;
      if (filters.difficulty && e.difficulty !== filters.difficulty) return false;
      if (filters.status && e.standing.status !== filters.status) return false;
      if (words.length) {
        const hay = `${e.title}\n${e.slug}\n${e.topics.join(' ')}\n${e.task}`.toLowerCase();
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    })
    .sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title));
}
