import { toErrorResponse } from '@/lib/errors';
import type { TSlugContext } from '../../../../_lib/request';
import { loadPreview } from '../_state';

export const dynamic = 'force-dynamic';

/** PUT …/preview/draft → 204: the preview keeps its text in the browser only (owner or admin, like every preview route). */
export async function PUT(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    await loadPreview(req, ctx);
    return new Response(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
