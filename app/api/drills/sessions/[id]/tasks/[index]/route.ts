import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { ZSaveTaskBody } from '@/lib/drills/schema';
import { remainingSeconds } from '@/lib/drills/save-rules';
import { saveDrillTask } from '@/lib/db/drill/save-drill-task';
import { readJsonBody } from '@/app/api/scenarios/[slug]/_lib/read-json-body';
import { sessionIdOf, taskIndexOf, type TTaskContext } from '../../../../_lib/params';

export const dynamic = 'force-dynamic';

/**
 * PUT /api/drills/sessions/{id}/tasks/{index} `{yaml, flagged?, savedAt?, elapsedMs?}` → the stored draft.
 * 409 after the deadline or finish; `applied: false` when another tab saved newer text (that text is returned).
 */
export async function PUT(req: Request, ctx: TTaskContext): Promise<Response> {
  try {
    const id = await sessionIdOf(ctx);
    const index = await taskIndexOf(ctx);
    const user = await requireUser();
    const body = ZSaveTaskBody.parse(await readJsonBody(req));
    const now = new Date();
    const { applied, draft, session } = await saveDrillTask(user.id, id, index, { yaml: body.yaml, flagged: body.flagged, savedAt: body.savedAt ? new Date(body.savedAt) : null, elapsedMs: body.elapsedMs }, { now });
    return Response.json({
      applied,
      index,
      yaml: draft.yaml,
      flagged: draft.flagged,
      savedAt: draft.savedAt.toISOString(),
      timeSpentMs: draft.timeSpentMs,
      serverNow: now.toISOString(),
      remainingSeconds: remainingSeconds(session.deadline, now),
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
