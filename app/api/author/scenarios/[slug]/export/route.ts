import { z } from 'zod';
import { toErrorResponse } from '@/lib/errors';
import { exportScenarioYaml } from '@/lib/authoring/scenario-yaml';
import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import { findEditableVersion } from '@/lib/db/author/find-editable-version';
import { requireAuthor, slugOf, type TSlugContext } from '../../../_lib/request';

export const dynamic = 'force-dynamic';

const ZVersion = z.coerce.number().int().min(1).max(1_000_000);

/** GET /api/author/scenarios/{slug}/export[?version=N] → the scenario as a content file (text/yaml download). */
export async function GET(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const actor = await requireAuthor();
    const slug = await slugOf(ctx);
    const v = new URL(req.url).searchParams.get('version');
    const content = v === null ? (await findEditableScenario(actor, slug)).content : (await findEditableVersion(actor, slug, ZVersion.parse(v))).content;
    return new Response(exportScenarioYaml(content), {
      headers: { 'content-type': 'text/yaml; charset=utf-8', 'content-disposition': `attachment; filename="${slug}.yaml"`, 'cache-control': 'no-store' },
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
