import { toErrorResponse } from '@/lib/errors';
import { ZAuthorForm } from '@/lib/authoring/author-form';
import { validateAuthorForm } from '@/lib/authoring/validate';
import { renderMarkdown } from '@/lib/editor/markdown';
import { readAuthorBody, requireAuthor } from '../_lib/request';

export const dynamic = 'force-dynamic';

/**
 * POST /api/author/validate {form} → content:check's verdict on the form's scenario (findings per section,
 * mutation score with surviving mutants as diffs), the reference's connectivity matrix and the task preview.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    await requireAuthor();
    const form = await readAuthorBody(req, ZAuthorForm);
    const { validation } = validateAuthorForm(form);
    return Response.json({ ...validation, taskHtml: renderMarkdown(form.task), explanationHtml: renderMarkdown(form.explanation) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
