import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import { formatPreviewState, parsePreviewState, previewCookieName, readCookie, type TPreviewState } from '@/lib/authoring/preview-state';
import { requireAuthor, slugOf, type TSlugContext } from '../../../_lib/request';

/** The previewed scenario (newest version, owner or admin only) and the preview state from the request's cookie. */
export async function loadPreview(req: Request, ctx: TSlugContext) {
  const actor = await requireAuthor();
  const slug = await slugOf(ctx);
  const scenario = await findEditableScenario(actor, slug);
  const state = parsePreviewState(readCookie(req.headers.get('cookie'), previewCookieName(slug)));
  return { actor, slug, scenario, state };
}

/** A Set-Cookie header value storing the preview state (scoped to the author pages and APIs of this scenario). */
export function previewCookie(slug: string, state: TPreviewState): string {
  return `${previewCookieName(slug)}=${formatPreviewState(state)}; Path=/; SameSite=Lax; HttpOnly; Max-Age=86400`;
}
