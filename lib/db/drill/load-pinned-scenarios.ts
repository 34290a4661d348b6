import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { ZScenario, type TScenario } from '@/lib/scenarios/schema';
import type { TFrozenTask } from '@/lib/drills/schema';

/** Minimal client surface used here, so the same code runs inside a transaction. */
type TScenarioReader = Pick<typeof db, 'scenario'>;

/**
 * The exact scenario versions a session's tasks were frozen to, by task index (server only: hidden parts included).
 * A later edit of the content file makes a new version; these rows stay, so a session grades what it showed.
 */
export async function loadPinnedScenarios(tasks: readonly TFrozenTask[], client: TScenarioReader = db): Promise<Map<number, TScenario>> {
  const rows = await client.scenario.findMany({ where: { id: { in: tasks.map((t) => t.scenarioId) } }, select: { id: true, content: true } });
  const byId = new Map(rows.map((r) => [r.id, r.content]));
  const out = new Map<number, TScenario>();
  for (const t of tasks) {
    const parsed = ZScenario.safeParse(byId.get(t.scenarioId));
    if (!parsed.success) throw new AppError('INTERNAL', `scenario \`${t.slug}\` version ${t.version} of this drill is missing or stored in an invalid shape`);
    out.set(t.index, parsed.data);
  }
  return out;
}
