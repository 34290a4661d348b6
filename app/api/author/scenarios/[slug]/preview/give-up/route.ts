import { toErrorResponse } from '@/lib/errors';
import type { TSlugContext } from '../../../../_lib/request';
import { loadPreview, previewCookie } from '../_state';

export const dynamic = 'force-dynamic';

/** POST …/preview/give-up → the preview learner gives up: the solution is revealed (the page shows it after a refresh). */
export async function POST(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const { slug, state } = await loadPreview(req, ctx);
    const next = { ...state, gaveUp: !state.passed, solutionViewed: true };
    return Response.json({ gaveUp: next.gaveUp }, { headers: { 'set-cookie': previewCookie(slug, next) } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
