import { db } from '@/lib/db/client';
import type { TActor } from '@/lib/db/author/types';
import { assertAuthor } from '@/lib/db/author/assert-author';
import { cohortWhere } from './cohort-where';
import type { TCohort } from './types';

/** The cohorts the actor teaches (admins: all), newest first. */
export async function listCohorts(actor: TActor): Promise<TCohort[]> {
  assertAuthor(actor);
  const rows = await db.cohort.findMany({ where: cohortWhere(actor), orderBy: { createdAt: 'desc' }, include: { _count: { select: { members: true } } } });
  return rows.map(({ _count, ...c }) => ({ id: c.id, name: c.name, code: c.code, instructorId: c.instructorId, createdAt: c.createdAt, members: _count.members }));
}
