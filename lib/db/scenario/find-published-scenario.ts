import { db } from '@/lib/db/client';
import { ZScenario, type TScenario } from '@/lib/scenarios/schema';
import { AppError } from '@/lib/errors';

/** A stored scenario version: the row's identity plus its validated content (hidden parts included: server only). */
export type TStoredScenario = { id: string; slug: string; version: number; content: TScenario };

/** The newest published version of `slug`, or null when there is none. */
export async function findPublishedScenario(slug: string): Promise<TStoredScenario | null> {
  const row = await db.scenario.findFirst({
    where: { slug, published: true },
    orderBy: { version: 'desc' },
    select: { id: true, slug: true, version: true, content: true },
  });
  if (!row) return null;
  const parsed = ZScenario.safeParse(row.content);
  // Rows are validated when seeded or authored; a bad row is a bug, not a user mistake.
  if (!parsed.success) throw new AppError('INTERNAL', `scenario \`${slug}\` version ${row.version} is stored in an invalid shape`);
  return { id: row.id, slug: row.slug, version: row.version, content: parsed.data };
}
