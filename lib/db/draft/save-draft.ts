import { db } from '@/lib/db/client';

/** The user's saved editor text for one scenario. */
export type TDraft = { yaml: string; updatedAt: Date };

/** Saves (creates or replaces) the user's draft for `slug`. */
export async function saveDraft(userId: string, slug: string, yaml: string): Promise<TDraft> {
  return db.draft.upsert({
    where: { userId_scenarioSlug: { userId, scenarioSlug: slug } },
    create: { userId, scenarioSlug: slug, yaml },
    update: { yaml },
    select: { yaml: true, updatedAt: true },
  });
}
