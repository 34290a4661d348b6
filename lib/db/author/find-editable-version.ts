import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { TScenario } from '@/lib/scenarios/schema';
import { assertAuthor } from './assert-author';
import { parseStoredScenario } from './parse-stored';
import { editableWhere, type TActor } from './types';

/** One version of a scenario the actor may edit (for export and the version list); NOT_FOUND otherwise. */
export async function findEditableVersion(actor: TActor, slug: string, version: number): Promise<{ id: string; version: number; published: boolean; content: TScenario }> {
  assertAuthor(actor);
  const row = await db.scenario.findFirst({ where: { slug, version, ...editableWhere(actor) }, select: { id: true, version: true, published: true, content: true } });
  if (!row) throw new AppError('NOT_FOUND', `no version ${version} of a scenario \`${slug}\` that you can edit`);
  return { id: row.id, version: row.version, published: row.published, content: parseStoredScenario(slug, row.version, row.content) };
}
