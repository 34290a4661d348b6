import { AppError, isAppError, isDatabaseUnavailable } from '@/lib/errors';

// Driver-adapter error kinds (adapter-pg) meaning "the database is not there for us", with a short reason.
const ADAPTER_KIND_REASONS: Record<string, string> = {
  DatabaseNotReachable: 'database unreachable',
  DatabaseDoesNotExist: 'database does not exist',
  DatabaseAccessDenied: 'database refused the credentials',
  AuthenticationFailed: 'database refused the credentials',
  SocketTimeout: 'database unreachable',
  TooManyConnections: 'database has too many connections',
};

// Raw queries wrap the adapter's error as P2010 with the kind in `meta.driverAdapterError.cause`.
function adapterKind(err: unknown): string | null {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null)?.meta;
  const kind = meta?.driverAdapterError?.cause?.kind;
  return typeof kind === 'string' ? kind : null;
}

/** A short, safe reason for a database failure (no stack, no URL), or null when `err` is not a connection failure. */
export function databaseUnavailableReason(err: unknown): string | null {
  const kind = adapterKind(err);
  if (kind && ADAPTER_KIND_REASONS[kind]) return ADAPTER_KIND_REASONS[kind];
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
