import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { TMembership } from './types';

/** Normalises a typed join code (case, spaces, dashes). */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Adds the user to the cohort with this join code (joining twice changes nothing). */
export async function joinCohort(userId: string, code: string): Promise<TMembership> {
  const cohort = await db.cohort.findUnique({ where: { code: normalizeJoinCode(code) }, select: { id: true, name: true } });
  if (!cohort) throw new AppError('NOT_FOUND', 'no cohort has this join code: check it with your instructor');
  const m = await db.cohortMember.upsert({
    where: { cohortId_userId: { cohortId: cohort.id, userId } },
    create: { cohortId: cohort.id, userId },
    update: {},
    select: { joinedAt: true },
  });
  return { cohortId: cohort.id, name: cohort.name, joinedAt: m.joinedAt };
}
