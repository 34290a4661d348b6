import { cache } from 'react';
import { AppError, SIGN_IN_TO_CONTINUE } from '@/lib/errors';
import { findUserById } from '@/lib/db/user/find-user-by-id';
import type { TUser } from '@/lib/db/user/types';
import { readSessionUserId } from './session-cookie';
import type { TRole } from './roles';

/** The signed-in user as server code sees it (fresh from the database, so role changes apply at once). */
export type TSessionUser = TUser;

// A page renders the nav and its own body, each asking for the user: React's per-request cache makes that one
// session decode and one user query per render (outside a server render, e.g. route handlers, it calls through).
const loadSessionUserId = cache(readSessionUserId);

const loadOptionalUser = cache(async (): Promise<TSessionUser | null> => {
  const id = await loadSessionUserId();
  if (!id) return null;
  return findUserById(id);
});

/** The signed-in user, or null for anonymous visitors and sessions whose user was deleted. */
export async function getOptionalUser(): Promise<TSessionUser | null> {
  return loadOptionalUser();
}

/** The signed-in user; anonymous callers get AppError UNAUTHENTICATED (401). */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getOptionalUser();
  if (!user) throw new AppError('UNAUTHENTICATED', SIGN_IN_TO_CONTINUE);
  return user;
}

/**
 * The signed-in user's id from the session alone, without reading the user row: only for a hot path whose own
 * first query checks that the user still exists (loadSubmitContext). Anonymous callers get UNAUTHENTICATED (401).
 */
export async function requireSessionUserId(): Promise<string> {
  const id = await loadSessionUserId();
  if (!id) throw new AppError('UNAUTHENTICATED', SIGN_IN_TO_CONTINUE);
  return id;
}

/** The signed-in user if their role is one of `roles`; else UNAUTHENTICATED (401) or FORBIDDEN (403). */
export async function requireRole(...roles: TRole[]): Promise<TSessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) {
    throw new AppError('FORBIDDEN', `this needs the ${roles.join(' or ')} role`, { details: { required: roles, role: user.role } });
  }
  return user;
}
