import { AppError } from '@/lib/errors';

/** The dynamic segments of /api/drills/sessions/{id}/… routes. */
export type TSessionContext = { params: Promise<{ id: string }> };
/** The dynamic segments of /api/drills/sessions/{id}/tasks/{index}/… routes. */
export type TTaskContext = { params: Promise<{ id: string; index: string }> };

// Session ids are cuids; anything else cannot name a session, so it is a 404 like a foreign id.
const ID_RE = /^[a-z0-9]{8,64}$/i;

/** The session id of the request (404 when it cannot be one). */
export async function sessionIdOf(ctx: TSessionContext | TTaskContext): Promise<string> {
  const { id } = await ctx.params;
  if (!ID_RE.test(id)) throw new AppError('NOT_FOUND', 'no such drill session');
  return id;
}

/** The task index of the request (404 when it is not a small non-negative integer). */
export async function taskIndexOf(ctx: TTaskContext): Promise<number> {
  const { index } = await ctx.params;
  if (!/^\d{1,3}$/.test(index)) throw new AppError('NOT_FOUND', `this drill has no task \`${index}\``);
  return Number(index);
}
