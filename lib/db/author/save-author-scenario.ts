import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { hashContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { findEditableScenario } from './find-editable-scenario';
import { CONTENT_READ_ONLY, type TActor } from './types';

/** What a save did: kept the text (unchanged), edited the newest version in place, or started a new version. */
export type TSaveResult = { slug: string; version: number; outcome: 'unchanged' | 'updated' | 'new-version' };

/** True when learners may hold on to this row: an attempt or a drill session pinned it. */
async function isPinned(scenarioId: string): Promise<boolean> {
  const attempts = await db.attempt.count({ where: { scenarioId } });
  if (attempts > 0) return true;
  const drills = await db.drillSession.count({ where: { tasks: { array_contains: [{ scenarioId }] } } });
  return drills > 0;
}

/**
 * Saves the editor's scenario. The newest version is edited in place only while nobody can have seen it
 * (unpublished, no attempt or drill session on it); otherwise version+1 is created, unpublished, so attempts
 * and drill sessions keep the version they were made on and learners keep the newest published one until
 * the author publishes again. `baseVersion` (the version the editor loaded) turns a concurrent save into a CONFLICT.
 */
export async function saveAuthorScenario(actor: TActor, slug: string, content: TScenario, opts: { baseVersion?: number } = {}): Promise<TSaveResult> {
  if (content.slug !== slug) throw new AppError('BAD_REQUEST', `the slug cannot change (\`${slug}\` → \`${content.slug}\`): clone the scenario instead`);
  const current = await findEditableScenario(actor, slug);
  if (current.source === 'content') throw new AppError('FORBIDDEN', CONTENT_READ_ONLY);
  if (opts.baseVersion !== undefined && opts.baseVersion !== current.version) {
    throw new AppError('CONFLICT', `version ${current.version} was saved since you opened version ${opts.baseVersion}: reload to see it`, { details: { version: current.version } });
  }
  const hash = hashContent(content);
  const row = await db.scenario.findUniqueOrThrow({ where: { id: current.id }, select: { contentHash: true } });
  if (row.contentHash === hash) return { slug, version: current.version, outcome: 'unchanged' };
  if (!current.published && !(await isPinned(current.id))) {
    // Guard on `published: false` in the where: a publish racing this save makes the update miss instead of editing a live version.
    const updated = await db.scenario.updateMany({ where: { id: current.id, published: false }, data: { content: content as unknown as object, contentHash: hash } });
    if (updated.count === 1) return { slug, version: current.version, outcome: 'updated' };
  }
  try {
    await db.scenario.create({
      data: { slug, version: current.version + 1, content: content as unknown as object, contentHash: hash, published: false, source: current.source, authorId: current.authorId },
    });
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002') {
      throw new AppError('CONFLICT', `version ${current.version + 1} was saved at the same time: reload to see it`);
    }
    throw err;
  }
  return { slug, version: current.version + 1, outcome: 'new-version' };
}
