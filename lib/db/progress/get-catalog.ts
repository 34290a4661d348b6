import { filterCatalog, type TCatalogEntry, type TCatalogFilters } from './catalog';
import { computeStandings } from './compute-progress';
import { listAttemptSummaries } from './list-attempt-summaries';
import { listPublishedScenarios } from './list-published-scenarios';

/** The catalog for a user (or anonymous: everything `new`), filtered; plus every topic for the filter menu. */
export async function getCatalog(userId: string | null, filters: TCatalogFilters): Promise<{ entries: TCatalogEntry[]; topics: string[]; total: number }> {
  const [scenarios, attempts] = await Promise.all([listPublishedScenarios(), userId ? listAttemptSummaries(userId) : Promise.resolve([])]);
  const topics = [...new Set(scenarios.flatMap((s) => s.topics))].sort();
  return { entries: filterCatalog(scenarios, computeStandings(attempts), filters), topics, total: scenarios.length };
}
