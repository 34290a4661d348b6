import { toErrorResponse } from '@/lib/errors';
import { publishScenario, unpublishScenario } from '@/lib/db/author/set-scenario-published';
import { requireAuthor, slugOf, type TSlugContext } from '../../../_lib/request';

export const dynamic = 'force-dynamic';

/** POST /api/author/scenarios/{slug}/publish → publishes the newest version (it must pass content:check). */
export async function POST(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const slug = await slugOf(ctx);
    return Response.json(await publishScenario(actor, slug));
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** DELETE /api/author/scenarios/{slug}/publish → unpublishes every version. */
export async function DELETE(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const slug = await slugOf(ctx);
    return Response.json(await unpublishScenario(actor, slug));
  } catch (err) {
    return toErrorResponse(err);
  }
}
