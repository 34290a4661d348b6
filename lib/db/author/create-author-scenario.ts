import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { hashContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { assertAuthor } from './assert-author';
import type { TActor } from './types';

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

/** Stores a new scenario as an unpublished version 1 owned by the actor; a slug already used by anyone is a CONFLICT. */
export async function createAuthorScenario(actor: TActor, content: TScenario): Promise<{ slug: string; version: number }> {
  assertAuthor(actor);
  const taken = await db.scenario.findFirst({ where: { slug: content.slug }, select: { id: true } });
  if (taken) throw new AppError('CONFLICT', `the slug \`${content.slug}\` is taken: choose another one`);
  try {
    const row = await db.scenario.create({
      data: { slug: content.slug, version: 1, content: content as unknown as object, contentHash: hashContent(content), published: false, source: 'author', authorId: actor.id },
      select: { slug: true, version: true },
    });
    return row;
  } catch (err) {
    // Two creates of the same slug at once: the loser gets the same answer as a taken slug.
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `the slug \`${content.slug}\` is taken: choose another one`);
    throw err;
  }
}
