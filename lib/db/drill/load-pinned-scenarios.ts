import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { withScenarioContent, type TScenarioReader } from '@/lib/db/scenario/find-published-scenario';
import type { TScenario } from '@/lib/scenarios/schema';
import type { TFrozenTask } from '@/lib/drills/schema';

/**
 * The exact scenario versions a session's tasks were frozen to, by task index (server only: hidden parts included).
 * A later edit of the content file makes a new version; these rows stay, so a session grades what it showed.
 * Rows are immutable, so the lean read (id and content hash) decides and the parsed content comes from the
 * process's cache shared with submissions (read and validated once per version): the session page, its API, saves,
 * submits and finish all call this, 200 candidates starting a mock exam at once among them.
 */
export async function loadPinnedScenarios(tasks: readonly TFrozenTask[], client: TScenarioReader = db): Promise<Map<number, TScenario>> {
  const rows = await client.scenario.findMany({ where: { id: { in: tasks.map((t) => t.scenarioId) } }, select: { id: true, slug: true, version: true, contentHash: true } });
  const stored = new Map<string, TScenario>();
  // One after another: inside a transaction the reads share its one connection anyway.
  for (const row of rows) {
    const withContent = await withScenarioContent(row, client);
    if (withContent) stored.set(row.id, withContent.content);
  }
  const out = new Map<number, TScenario>();
  for (const t of tasks) {
    const content = stored.get(t.scenarioId);
    if (!content) throw new AppError('INTERNAL', `scenario \`${t.slug}\` version ${t.version} of this drill is missing or stored in an invalid shape`);
    out.set(t.index, content);
  }
  return out;
}
