import { notFound, redirect } from 'next/navigation';
import { getOptionalUser, canAuthor, type TSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { SLUG_PATTERN } from '@/lib/scenarios/schema';
import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import type { TEditableScenario } from '@/lib/db/author/types';

/**
 * The start of every /author/{slug} page: sign-in when signed out (back to `path`), then the newest version the
 * user may edit. Everything else is a 404 (a bad slug, a learner, someone else's scenario), so drafts stay invisible.
 */
export async function loadEditableOrNotFound(slug: string, path: string): Promise<{ user: TSessionUser; scenario: TEditableScenario }> {
  if (!SLUG_PATTERN.test(slug)) notFound();
  const user = await getOptionalUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!canAuthor(user.role)) notFound();
  try {
    return { user, scenario: await findEditableScenario({ id: user.id, role: user.role }, slug) };
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
