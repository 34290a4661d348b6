import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { joinCohort } from '@/lib/db/cohort/join-cohort';
import { readJsonBody } from '@/app/api/scenarios/[slug]/_lib/read-json-body';

export const dynamic = 'force-dynamic';

const ZJoin = z.strictObject({ code: z.string().trim().min(4).max(32) });

/** POST /api/cohorts/join {code} → the cohort joined (its name); any signed-in user. */
export async function POST(req: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const body = ZJoin.parse(await readJsonBody(req, 4096));
    return Response.json(await joinCohort(user.id, body.code));
  } catch (err) {
    return toErrorResponse(err);
  }
}
