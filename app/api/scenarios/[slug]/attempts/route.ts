import { z } from 'zod';
import { requireSessionUserId, requireUser } from '@/lib/auth';
import { AppError, toErrorResponse } from '@/lib/errors';
import { enforceRateLimit, rateLimitCheck } from '@/lib/security/rate-limit';
import { submitAttempt } from '@/lib/db/attempt/submit-attempt';
import { listOwnAttempts } from '@/lib/db/attempt/list-own-attempts';
import { readJsonBody, MAX_BODY_BYTES } from '../_lib/read-json-body';
import { slugOf, type TSlugContext } from '../_lib/params';

export const dynamic = 'force-dynamic';

const ZSubmitBody = z.object({
  yaml: z.string().max(MAX_BODY_BYTES),
  /** When the learner opened the page (ISO 8601); the attempt's duration counts from here. */
  startedAt: z.iso.datetime({ offset: true }).optional(),
});

const ZIdempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { error: 'Idempotency-Key must be printable ASCII without spaces' });

function parseIdempotencyKey(raw: string | null): string | null {
  if (raw === null) return null;
  const key = ZIdempotencyKey.safeParse(raw);
  if (!key.success) throw new AppError('BAD_REQUEST', key.error.issues[0]?.message ?? 'invalid Idempotency-Key');
  return key.data;
}

/** POST /api/scenarios/{slug}/attempts {yaml, startedAt?} (+ Idempotency-Key) → the grade report under the reveal rules. */
export async function POST(req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    // The session only: submitAttempt's first query checks that the user exists and counts the rate limit.
    const userId = await requireSessionUserId();
    let key: string | null;
    let body: z.infer<typeof ZSubmitBody>;
    try {
      key = parseIdempotencyKey(req.headers.get('idempotency-key'));
      body = ZSubmitBody.parse(await readJsonBody(req));
    } catch (err) {
      // A malformed request never reaches the statement that counts submissions: count it here, so a flood of
      // bad requests is limited like good ones (429 before the 400 once over the limit).
      await enforceRateLimit('submit', req, userId);
      throw err;
    }
    const result = await submitAttempt({
      userId,
      slug,
      yaml: body.yaml,
      startedAt: body.startedAt ? new Date(body.startedAt) : undefined,
      idempotencyKey: key,
      rateLimit: rateLimitCheck('submit', req, userId),
    });
    const { created, ...answer } = result;
    return Response.json(answer, { status: created ? 201 : 200, headers: created ? {} : { 'idempotent-replayed': 'true' } });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** GET /api/scenarios/{slug}/attempts → the caller's attempts on this scenario (summaries, newest first). */
export async function GET(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    const { items } = await listOwnAttempts(user.id, { scenarioSlug: slug, pageSize: 100 });
    return Response.json({
      attempts: items.map((a) => ({
        id: a.id,
        scenarioVersion: a.scenarioVersion,
        createdAt: a.createdAt.toISOString(),
        score: a.score,
        passed: a.passedCount,
        total: a.total,
        pass: a.passed,
        durationMs: a.durationMs,
      })),
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
