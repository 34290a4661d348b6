import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { createCohort } from '@/lib/db/cohort/create-cohort';
import { listCohorts } from '@/lib/db/cohort/list-cohorts';
import { listMemberships } from '@/lib/db/cohort/list-memberships';
import { isAuthorRole } from '@/lib/db/author/types';
import { readAuthorBody, requireAuthor } from '@/app/api/author/_lib/request';

export const dynamic = 'force-dynamic';

const ZCreateCohort = z.strictObject({ name: z.string().trim().min(1).max(120) });

/** GET /api/cohorts → cohorts the caller belongs to, plus (instructors, admins) the cohorts they teach. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    const memberOf = await listMemberships(user.id);
    const teaching = isAuthorRole(user.role) ? await listCohorts({ id: user.id, role: user.role }) : [];
    return Response.json({ memberOf, teaching });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** POST /api/cohorts {name} → 201 the new cohort with its join code (instructors and admins). */
export async function POST(req: Request): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const body = await readAuthorBody(req, ZCreateCohort);
    return Response.json(await createCohort(actor, body.name), { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
