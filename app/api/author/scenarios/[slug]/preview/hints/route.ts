import { toErrorResponse } from '@/lib/errors';
import type { TSlugContext } from '../../../../_lib/request';
import { loadPreview, previewCookie } from '../_state';

export const dynamic = 'force-dynamic';

/** POST …/preview/hints → unlocks the next hint of the preview → {hints, hintsUnlocked, hintsTotal}. */
export async function POST(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const { slug, scenario, state } = await loadPreview(req, ctx);
    const hints = scenario.content.hints;
    const next = { ...state, hintsUnlocked: Math.min(hints.length, state.hintsUnlocked + 1) };
    return Response.json({ hints: hints.slice(0, next.hintsUnlocked), hintsUnlocked: next.hintsUnlocked, hintsTotal: hints.length }, { headers: { 'set-cookie': previewCookie(slug, next) } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
