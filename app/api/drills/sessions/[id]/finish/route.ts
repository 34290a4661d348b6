import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { finishDrillSession } from '@/lib/db/drill/finish-drill-session';
import { toResultsResponse } from '@/lib/db/drill/to-results-response';
import { sessionIdOf, type TSessionContext } from '../../../_lib/params';

export const dynamic = 'force-dynamic';

/**
 * POST /api/drills/sessions/{id}/finish → results (`score`, `passed`, per task `score`, `passed`, `timeSpentMs`).
 * Grades the last draft saved before the deadline of every task; calling it again returns the same results.
 */
export async function POST(_req: Request, ctx: TSessionContext): Promise<Response> {
  try {
    const id = await sessionIdOf(ctx);
    const user = await requireUser();
    const session = await finishDrillSession(user.id, id);
    return Response.json(toResultsResponse(session));
  } catch (err) {
    return toErrorResponse(err);
  }
}
