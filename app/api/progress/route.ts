import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { getProgress } from '@/lib/db/progress/get-progress';

export const dynamic = 'force-dynamic';

/** GET /api/progress → the signed-in user's progress (401 for anonymous callers). */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    const progress = await getProgress(user.id);
    return Response.json(progress, { headers: { 'cache-control': 'private, no-store' } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
