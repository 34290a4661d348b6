import { AppError, toErrorResponse } from '@/lib/errors';
import type { TSlugContext } from '../../../../_lib/request';
import { loadPreview, previewCookie } from '../_state';

export const dynamic = 'force-dynamic';

/** GET …/preview/solution → allowed after a preview pass or give-up (the learner rule); marks it viewed. */
export async function GET(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const { slug, state } = await loadPreview(req, ctx);
    if (!state.passed && !state.gaveUp) throw new AppError('FORBIDDEN', 'the solution is shown after you pass this scenario or give up on it');
    const next = { ...state, solutionViewed: true };
    return Response.json({ solutionViewed: true }, { headers: { 'set-cookie': previewCookie(slug, next) } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
