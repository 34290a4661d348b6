import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { revealSolution } from '@/lib/db/scenario/reveal-solution';
import { slugOf, type TSlugContext } from '../_lib/params';

export const dynamic = 'force-dynamic';

/** GET /api/scenarios/{slug}/solution → the solution after a pass or give-up (viewing is recorded); 403 before. */
export async function GET(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    return Response.json(await revealSolution(user.id, slug, { giveUp: false }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
