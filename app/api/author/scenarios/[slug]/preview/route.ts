import { toErrorResponse } from '@/lib/errors';
import { FRESH_PREVIEW } from '@/lib/authoring/preview-state';
import type { TSlugContext } from '../../../_lib/request';
import { loadPreview, previewCookie } from './_state';

export const dynamic = 'force-dynamic';

/** DELETE …/preview → starts the preview over as a learner who just opened the scenario. */
export async function DELETE(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const { slug } = await loadPreview(req, ctx);
    return new Response(null, { status: 204, headers: { 'set-cookie': previewCookie(slug, FRESH_PREVIEW) } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
