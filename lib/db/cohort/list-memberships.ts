import { db } from '@/lib/db/client';
import type { TMembership } from './types';

/** The cohorts the user belongs to (names only). */
export async function listMemberships(userId: string): Promise<TMembership[]> {
  const rows = await db.cohortMember.findMany({ where: { userId }, orderBy: { joinedAt: 'desc' }, select: { joinedAt: true, cohort: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ cohortId: r.cohort.id, name: r.cohort.name, joinedAt: r.joinedAt }));
}
