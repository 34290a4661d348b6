/** Server-side auth API: session helpers for pages, route handlers and server actions. */
export { getOptionalUser, requireUser, requireRole, requireSessionUserId, type TSessionUser } from './session';
export { ROLES, ZRole, canAuthor, type TRole } from './roles';
