import { z } from 'zod';
import { AppError, toErrorResponse } from '@/lib/errors';
import { scenarioToForm, ZAuthorForm } from '@/lib/authoring/author-form';
import { validateAuthorForm } from '@/lib/authoring/validate';
import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import { saveAuthorScenario } from '@/lib/db/author/save-author-scenario';
import { readAuthorBody, requireAuthor, slugOf, type TSlugContext } from '../../_lib/request';

export const dynamic = 'force-dynamic';

const ZSaveBody = z.strictObject({ form: ZAuthorForm, baseVersion: z.number().int().min(1).optional() });

/** GET /api/author/scenarios/{slug} → the newest version as an editor form, plus the version list (owner or admin). */
export async function GET(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const slug = await slugOf(ctx);
    const s = await findEditableScenario(actor, slug);
    return Response.json({ slug: s.slug, version: s.version, published: s.published, source: s.source, form: scenarioToForm(s.content), versions: s.versions });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/**
 * PUT /api/author/scenarios/{slug} {form, baseVersion?} → saves (the scenario must pass the schema; the
 * other checks may still fail while drafting). Saving a published or used version creates version+1.
 */
export async function PUT(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const slug = await slugOf(ctx);
    const body = await readAuthorBody(req, ZSaveBody);
    const { validation, scenario } = validateAuthorForm(body.form);
    if (!scenario) {
      const first = validation.sectionErrors[0]?.message ?? validation.findings[0]?.message ?? 'invalid scenario';
      throw new AppError('BAD_REQUEST', `the scenario cannot be saved until it matches the format: ${first}`, { details: { sectionErrors: validation.sectionErrors, findings: validation.findings } });
    }
    const saved = await saveAuthorScenario(actor, slug, scenario, { baseVersion: body.baseVersion });
    return Response.json({ ...saved, ok: validation.ok });
  } catch (err) {
    return toErrorResponse(err);
  }
}
