import { db } from '@/lib/db/client';
import type { TDraft } from './save-draft';

/** The user's draft for `slug`, or null. */
export async function getDraft(userId: string, slug: string): Promise<TDraft | null> {
  return db.draft.findUnique({ where: { userId_scenarioSlug: { userId, scenarioSlug: slug } }, select: { yaml: true, updatedAt: true } });
}
