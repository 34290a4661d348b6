import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { AppError } from '@/lib/errors';
import { createAuthorScenario } from './create-author-scenario';
import { findEditableScenario } from './find-editable-scenario';
import { assertAuthor } from './assert-author';
import type { TActor } from './types';

/**
 * Copies a scenario to a new slug owned by the actor (an unpublished version 1). Any published scenario may
 * be cloned; an unpublished one only by someone who may edit it (drafts stay private).
 */
export async function cloneScenario(actor: TActor, sourceSlug: string, newSlug: string, title?: string): Promise<{ slug: string; version: number }> {
  assertAuthor(actor);
  let content;
  try {
    // The author's own newest version (draft included) when they may edit the source.
    content = (await findEditableScenario(actor, sourceSlug)).content;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
    content = (await findPublishedScenario(sourceSlug))?.content;
    if (!content) throw new AppError('NOT_FOUND', `no published scenario \`${sourceSlug}\``);
  }
  return createAuthorScenario(actor, { ...content, slug: newSlug, title: title?.trim() || `${content.title} (copy)` });
}
