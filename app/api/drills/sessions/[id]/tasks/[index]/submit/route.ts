import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { enforceRateLimit } from '@/lib/security/rate-limit';
import { ZSubmitTaskBody } from '@/lib/drills/schema';
import { submitDrillTask } from '@/lib/db/drill/submit-drill-task';
import { readJsonBody } from '@/app/api/scenarios/[slug]/_lib/read-json-body';
import { sessionIdOf, taskIndexOf, type TTaskContext } from '../../../../../_lib/params';

export const dynamic = 'force-dynamic';

/**
 * POST /api/drills/sessions/{id}/tasks/{index}/submit `{yaml}` → the graded attempt (immediate-feedback drills
 * only; 409 in `end` mode, after the deadline or after finish). The text is also saved as the task's draft.
 */
export async function POST(req: Request, ctx: TTaskContext): Promise<Response> {
  try {
    const id = await sessionIdOf(ctx);
    const index = await taskIndexOf(ctx);
    const user = await requireUser();
    await enforceRateLimit('submit', req, user.id);
    const body = ZSubmitTaskBody.parse(await readJsonBody(req));
    const result = await submitDrillTask(user.id, id, index, { yaml: body.yaml, savedAt: body.savedAt ? new Date(body.savedAt) : null, elapsedMs: body.elapsedMs });
    return Response.json(result, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
