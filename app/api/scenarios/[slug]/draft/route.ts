import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { AppError, toErrorResponse } from '@/lib/errors';
import { saveDraft } from '@/lib/db/draft/save-draft';
import { getDraft } from '@/lib/db/draft/get-draft';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { readJsonBody, MAX_BODY_BYTES } from '../_lib/read-json-body';
import { slugOf, type TSlugContext } from '../_lib/params';

export const dynamic = 'force-dynamic';

const ZDraftBody = z.object({ yaml: z.string().max(MAX_BODY_BYTES) });

/** PUT /api/scenarios/{slug}/draft {yaml} → {savedAt}: keeps the editor text across devices and reloads. */
export async function PUT(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    const body = ZDraftBody.parse(await readJsonBody(req));
    if (!(await findPublishedScenario(slug))) throw new AppError('NOT_FOUND', `no published scenario \`${slug}\``);
    const draft = await saveDraft(user.id, slug, body.yaml);
    return Response.json({ savedAt: draft.updatedAt.toISOString() });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** GET /api/scenarios/{slug}/draft → {draft: {yaml, updatedAt} | null}. */
export async function GET(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    const draft = await getDraft(user.id, slug);
    return Response.json({ draft: draft ? { yaml: draft.yaml, updatedAt: draft.updatedAt.toISOString() } : null });
  } catch (err) {
    return toErrorResponse(err);
  }
}
