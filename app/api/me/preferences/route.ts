import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { setVimMode } from '@/lib/db/preferences/set-vim-mode';
import { getPreferences } from '@/lib/db/preferences/get-preferences';
import { readJsonBody } from '@/app/api/scenarios/[slug]/_lib/read-json-body';

export const dynamic = 'force-dynamic';

const ZPreferencesBody = z.object({ vimMode: z.boolean() });

/** PUT /api/me/preferences {vimMode} → the saved preferences. */
export async function PUT(req: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const body = ZPreferencesBody.parse(await readJsonBody(req, 4 * 1024));
    return Response.json(await setVimMode(user.id, body.vimMode));
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** GET /api/me/preferences → {vimMode}. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    return Response.json(await getPreferences(user.id));
  } catch (err) {
    return toErrorResponse(err);
  }
}
