import { z } from 'zod';
import { toErrorResponse } from '@/lib/errors';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { toAttemptResponse } from '@/lib/db/attempt/attempt-response';
import { readJsonBody, MAX_BODY_BYTES } from '@/app/api/scenarios/[slug]/_lib/read-json-body';
import type { TSlugContext } from '../../../../_lib/request';
import { loadPreview, previewCookie } from '../_state';

export const dynamic = 'force-dynamic';

const ZBody = z.object({ yaml: z.string().max(MAX_BODY_BYTES), startedAt: z.string().optional() });

/** POST …/preview/attempts {yaml} → graded like a learner's attempt on the newest version, under the same reveal rules; nothing is stored. */
export async function POST(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const { slug, scenario, state } = await loadPreview(req, ctx);
    const body = ZBody.parse(await readJsonBody(req));
    const report = gradeSubmission(scenario.content, body.yaml);
    const next = { ...state, passed: state.passed || report.pass };
    const answer = toAttemptResponse(
      { id: 'preview', scenarioSlug: slug, scenarioVersion: scenario.version, createdAt: new Date(), durationMs: 0, results: report },
      { revealed: next.passed || next.gaveUp },
    );
    return Response.json(answer, { status: 201, headers: { 'set-cookie': previewCookie(slug, next) } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
