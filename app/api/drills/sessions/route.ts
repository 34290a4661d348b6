import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { ZCreateSessionBody } from '@/lib/drills/schema';
import { startDrillSession } from '@/lib/db/drill/start-drill-session';
import { listOwnDrillSessions } from '@/lib/db/drill/list-own-drill-sessions';
import { readJsonBody } from '@/app/api/scenarios/[slug]/_lib/read-json-body';

export const dynamic = 'force-dynamic';

/**
 * POST /api/drills/sessions with `{drill}`, `{scenarios, minutes, feedback}` or `{rule, minutes, feedback}`
 * → 201 `{id, deadline, tasks: [{index, scenario, title}]}`.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const body = ZCreateSessionBody.parse(await readJsonBody(req, 16 * 1024));
    const created = await startDrillSession(user.id, body);
    return Response.json(created, { status: 201, headers: { location: `/api/drills/sessions/${created.id}` } });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** GET /api/drills/sessions → the caller's sessions, newest first (expired ones are finished first). */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    const sessions = await listOwnDrillSessions(user.id);
    return Response.json({
      sessions: sessions.map((s) => ({
        id: s.id,
        drill: s.drillSlug,
        title: s.title,
        feedback: s.feedback,
        startedAt: s.startedAt.toISOString(),
        deadline: s.deadline.toISOString(),
        finishedAt: s.finishedAt?.toISOString() ?? null,
        score: s.score,
        passed: s.passed,
        tasks: s.taskCount,
      })),
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
