import { filterCatalog, type TCatalogEntry, type TCatalogFilters } from './catalog';
import { listPublishedScenarios } from './list-published-scenarios';
import { listStandings } from './list-standings';

/** The catalog for a user (or anonymous: everything `new`), filtered; plus every topic for the filter menu. */
export async function getCatalog(userId: string | null, filters: TCatalogFilters): Promise<{ entries: TCatalogEntry[]; topics: string[]; total: number }> {
  const [scenarios, standings] = await Promise.all([listPublishedScenarios(), userId ? listStandings(userId) : Promise.resolve(new Map())]);
  const topics = [...new Set(scenarios.flatMap((s) => s.topics))].sort();
  return { entries: filterCatalog(scenarios, standings, filters), topics, total: scenarios.length };
}
