import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { getDrillSessionView } from '@/lib/db/drill/get-drill-session-view';
import { sessionIdOf, type TSessionContext } from '../../_lib/params';

export const dynamic = 'force-dynamic';

/**
 * GET /api/drills/sessions/{id} → tasks with their saved drafts, flags and answered marks, remaining seconds and
 * the server's clock; a session past its deadline is finished (graded) first. 404 for other users' sessions.
 */
export async function GET(_req: Request, ctx: TSessionContext): Promise<Response> {
  try {
    const id = await sessionIdOf(ctx);
    const user = await requireUser();
    const { view } = await getDrillSessionView(user.id, id);
    return Response.json(view, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
