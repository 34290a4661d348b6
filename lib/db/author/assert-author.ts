import { AppError } from '@/lib/errors';
import { isAuthorRole, type TActor } from './types';

/** Refuses callers who are not instructors or admins (the data layer checks this itself, not only the routes). */
export function assertAuthor(actor: TActor): void {
  if (!isAuthorRole(actor.role)) throw new AppError('FORBIDDEN', 'authoring needs the instructor or admin role');
}
