import { toErrorResponse } from '@/lib/errors';
import { requireAuthor, slugOf, type TSlugContext } from '../../../../_lib/request';

export const dynamic = 'force-dynamic';

/** PUT …/preview/draft → 204: the preview keeps its text in the browser only. */
export async function PUT(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    await requireAuthor();
    await slugOf(ctx);
    return new Response(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
