import { z } from 'zod';
import { requireRole } from '@/lib/auth';
import type { TActor } from '@/lib/db/author/types';
import { readJsonBody } from '@/app/api/scenarios/[slug]/_lib/read-json-body';

/** The largest author request (a whole scenario form with its YAML texts). */
export const MAX_AUTHOR_BODY_BYTES = 768 * 1024;

/** The signed-in instructor or admin (401 anonymous, 403 learners). */
export async function requireAuthor(): Promise<TActor> {
  const user = await requireRole('instructor', 'admin');
  return { id: user.id, role: user.role };
}

/** Reads and validates a JSON body with the author size limit (413 above it). */
export async function readAuthorBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return schema.parse(await readJsonBody(req, MAX_AUTHOR_BODY_BYTES));
}

// The slug segment is read the same way as under /api/scenarios/{slug}/….
export { ZSlugParam, slugOf, type TSlugContext } from '@/app/api/scenarios/[slug]/_lib/params';
