import { requireUser } from '@/lib/auth';
import { AppError, toErrorResponse } from '@/lib/errors';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';
import { getRevealState } from '@/lib/db/scenario/get-reveal-state';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import { slugOf, type TSlugContext } from './_lib/params';

export const dynamic = 'force-dynamic';

/** GET /api/scenarios/{slug} → the learner view (no expectations, solution or locked hints) and the reveal state. */
export async function GET(_req: Request, ctx: TSlugContext): Promise<Response> {
  try {
    const slug = await slugOf(ctx);
    const user = await requireUser();
    const scenario = await findPublishedScenario(slug);
    if (!scenario) throw new AppError('NOT_FOUND', `no published scenario \`${slug}\``);
    const state = await getRevealState(user.id, slug);
    return Response.json({
      version: scenario.version,
      scenario: toLearnerScenario(scenario.content, { hintsUnlocked: state.hintsUnlocked }),
      passed: state.passed,
      gaveUp: state.gaveUp,
      revealed: state.revealed,
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
