import { AppError, isAppError, isDatabaseUnavailable } from '@/lib/errors';

/** A short, safe reason for a database failure (no stack, no URL), or null when `err` is not a connection failure. */
export function databaseUnavailableReason(err: unknown): string | null {
  if (!isDatabaseUnavailable(err)) return null;
  const e = err as { name?: unknown; code?: unknown };
  if (e.name === 'DatabaseNotConfiguredError') return 'database not configured';
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'P1003') return 'database does not exist';
  if (code === 'P1000' || code === 'P1010') return 'database refused the credentials';
  if (code === 'P2024') return 'database connection pool timed out';
  return 'database unreachable';
}

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
