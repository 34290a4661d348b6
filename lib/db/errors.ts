import { AppError, isAppError, databaseUnavailableReason } from '@/lib/errors';

// The one implementation lives in lib/errors (the API's error mapper needs it too); re-exported for data-layer callers.
export { databaseUnavailableReason };

/** Map a database connection failure to AppError UNAVAILABLE (503); other errors are returned unchanged. */
export function mapDatabaseError(err: unknown): unknown {
  if (isAppError(err)) return err;
  const reason = databaseUnavailableReason(err);
  return reason ? new AppError('UNAVAILABLE', `service unavailable: ${reason}`, { cause: err }) : err;
}

/** Run a database operation, turning connection failures into AppError UNAVAILABLE. */
export async function withDatabase<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw mapDatabaseError(err);
  }
}
