import { z } from 'zod';
import { toErrorResponse } from '@/lib/errors';
import { getCohortReport } from '@/lib/db/cohort/get-cohort-report';
import { requireAuthor } from '@/app/api/author/_lib/request';

export const dynamic = 'force-dynamic';

const ZId = z.string().min(1).max(64).regex(/^[a-z0-9]+$/i, { error: 'not a cohort id' });

/** GET /api/cohorts/{id} → the cohort report (per learner and per scenario); its instructor and admins only. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const id = ZId.parse((await ctx.params).id);
    return Response.json(await getCohortReport(actor, id));
  } catch (err) {
    return toErrorResponse(err);
  }
}
