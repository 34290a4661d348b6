import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { revealSolution } from '@/lib/db/scenario/reveal-solution';
import { slugOf, type TSlugContext } from '../_lib/params';

export const dynamic = 'force-dynamic';

/** POST /api/scenarios/{slug}/give-up → the reference solution, explanation and expectations (the give-up is recorded). */
export async function POST(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    return Response.json(await revealSolution(user.id, slug, { giveUp: true }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
