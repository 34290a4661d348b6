import type { TActor } from '@/lib/db/author/types';

/** The `where` that limits cohorts to those the actor may see (their own; admins: all). */
export function cohortWhere(actor: TActor): { instructorId?: string } {
  return actor.role === 'admin' ? {} : { instructorId: actor.id };
}
