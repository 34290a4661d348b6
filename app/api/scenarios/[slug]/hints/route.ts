import { requireUser } from '@/lib/auth';
import { AppError, toErrorResponse } from '@/lib/errors';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { unlockNextHint } from '@/lib/db/scenario/unlock-next-hint';
import { slugOf, type TSlugContext } from '../_lib/params';

export const dynamic = 'force-dynamic';

/** POST /api/scenarios/{slug}/hints → unlocks the next hint (recorded) → {hints: the unlocked ones, hintsTotal}. */
export async function POST(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    const scenario = await findPublishedScenario(slug);
    if (!scenario) throw new AppError('NOT_FOUND', `no published scenario \`${slug}\``);
    const hints = scenario.content.hints;
    const progress = await unlockNextHint(user.id, slug, hints.length);
    return Response.json({ hints: hints.slice(0, progress.hintsUnlocked), hintsUnlocked: progress.hintsUnlocked, hintsTotal: hints.length });
  } catch (err) {
    return toErrorResponse(err);
  }
}
