import { z } from 'zod';
import { AppError, toErrorResponse } from '@/lib/errors';
import { composeScenario, composedText, newScenarioForm, scenarioToForm } from '@/lib/authoring/author-form';
import { sectionSizeErrors } from '@/lib/authoring/section-limits';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { listAuthorScenarios } from '@/lib/db/author/list-author-scenarios';
import { createAuthorScenario } from '@/lib/db/author/create-author-scenario';
import { cloneScenario } from '@/lib/db/author/clone-scenario';
import { readAuthorBody, requireAuthor, ZSlugParam } from '../_lib/request';

export const dynamic = 'force-dynamic';

const ZCreateBody = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('new'), slug: ZSlugParam, title: z.string().trim().min(1).max(200) }),
  z.strictObject({ mode: z.literal('import'), yaml: z.string().min(1).max(512 * 1024) }),
  z.strictObject({ mode: z.literal('clone'), from: ZSlugParam, slug: ZSlugParam, title: z.string().max(200).optional() }),
]);

/** GET /api/author/scenarios → the scenarios the caller may edit (versions, published version, attempt counts). */
export async function GET(): Promise<Response> {
  try {
    const actor = await requireAuthor();
    return Response.json({ scenarios: await listAuthorScenarios(actor) });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** POST /api/author/scenarios {mode: new|import|clone, …} → 201 {slug, version}: a new unpublished scenario owned by the caller. */
export async function POST(req: Request): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const body = await readAuthorBody(req, ZCreateBody);
    let created: { slug: string; version: number };
    if (body.mode === 'new') {
      const parsed = parseScenarioYaml(composedText(composeScenario(newScenarioForm(body.slug, body.title))));
      if (!parsed.content) throw new AppError('INTERNAL', 'the new-scenario template does not validate');
      created = await createAuthorScenario(actor, parsed.content);
    } else if (body.mode === 'import') {
      const imported = importScenarioYaml(body.yaml);
      // A file the editor could not save is refused with the form's own per-section caps.
      const oversized = imported.content ? sectionSizeErrors(scenarioToForm(imported.content)).map((e) => ({ path: e.section, message: e.message })) : [];
      const errors = [...imported.errors, ...oversized];
      if (!imported.content || errors.length > 0) {
        throw new AppError('BAD_REQUEST', `the file is not a valid scenario: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).slice(0, 3).join('; ')}`, {
          details: { errors },
        });
      }
      created = await createAuthorScenario(actor, imported.content);
    } else {
      created = await cloneScenario(actor, body.from, body.slug, body.title);
    }
    return Response.json(created, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
