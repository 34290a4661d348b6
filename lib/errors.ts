import { ZodError } from 'zod';

/** The application's error codes; each maps to one HTTP status (details go in `details`, not new codes). */
export type TAppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** HTTP status for every AppError code. */
export const APP_ERROR_STATUS: Record<TAppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The 401 message for a missing or expired session, and for a session whose account was deleted. */
export const SIGN_IN_TO_CONTINUE = 'sign in to continue: your session is missing or has expired';

/** A field-level problem reported to the client (`path` is dotted, e.g. `answers.0.port`). */
export type TFieldError = { path: string; message: string };

/** The JSON body of every error answer from our API. */
export type TErrorBody = {
  error: { code: TAppErrorCode; message: string; fields?: TFieldError[]; details?: unknown };
};

/** The one error type of the app: a code (→ HTTP status), a message safe to show, optional details. */
export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly details?: unknown;
  readonly fields?: TFieldError[];

  constructor(code: TAppErrorCode, message: string, opts: { details?: unknown; fields?: TFieldError[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.fields = opts.fields;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

/** True when `err` is an AppError (also across module copies, e.g. Next's server bundles). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError || (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AppError' && typeof (err as { code?: unknown }).code === 'string' && (err as { code: string }).code in APP_ERROR_STATUS);
}

// Prisma's codes for "cannot reach / authenticate to / find the database" and pool timeouts, with a short reason.
const PRISMA_CODE_REASONS: Record<string, string> = {
  P1000: 'database refused the credentials',
  P1001: 'database unreachable',
  P1002: 'database unreachable',
  P1003: 'database does not exist',
  P1008: 'database unreachable',
  P1010: 'database refused the credentials',
  P1011: 'database unreachable',
  P1017: 'database unreachable',
  P2024: 'database connection pool timed out',
};
// Driver-adapter error kinds (adapter-pg) meaning "the database is not there for us".
const ADAPTER_KIND_REASONS: Record<string, string> = {
  DatabaseNotReachable: 'database unreachable',
  DatabaseDoesNotExist: 'database does not exist',
  DatabaseAccessDenied: 'database refused the credentials',
  AuthenticationFailed: 'database refused the credentials',
  SocketTimeout: 'database unreachable',
  TooManyConnections: 'database has too many connections',
};
// Node socket codes and PostgreSQL shutdown states that mean the server is not there.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '57P01', '57P03']);
// node-postgres throws these as plain Errors without a code when a pooled connection dies under a query
// (database restart, network cut); compared whole, they are pg's exact wording.
// pg-pool's own wording when no connection could be made in time is in the set too (the submit hot path
// queries the pool directly: lib/db/sql.ts).
const PG_CONNECTION_LOST_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
]);

const own = (table: Record<string, string>, key: unknown): string | null => (typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : null);

/**
 * A short, safe reason (no stack, no URL) when `err` or one of its causes says the database cannot be reached,
 * else null. The single test for "database unavailable": `isDatabaseUnavailable` and `lib/db/errors` use it.
 */
export function databaseUnavailableReason(err: unknown): string | null {
  let cur: unknown = err;
  for (let depth = 0; depth < 6 && typeof cur === 'object' && cur !== null; depth++) {
    const e = cur as { name?: unknown; code?: unknown; kind?: unknown; errorCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
    // Raw queries ($queryRaw) wrap the adapter's error as P2010 with the kind in meta; model queries may carry
    // it beside their own code, and the kind is the more precise of the two.
    const reason =
      own(ADAPTER_KIND_REASONS, e.meta?.driverAdapterError?.cause?.kind) ??
      own(ADAPTER_KIND_REASONS, e.kind) ??
      own(PRISMA_CODE_REASONS, e.code) ??
      own(PRISMA_CODE_REASONS, e.errorCode) ??
      (typeof e.code === 'string' && SOCKET_CODES.has(e.code) ? 'database unreachable' : null) ??
      (e.name === 'PrismaClientInitializationError' || (cur instanceof Error && PG_CONNECTION_LOST_MESSAGES.has(cur.message)) ? 'database unreachable' : null);
    if (reason) return e.name === 'DatabaseNotConfiguredError' ? 'database not configured' : reason;
    cur = e.cause;
  }
  return null;
}

/** True when `err` (or one of its causes) says the database cannot be reached. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return databaseUnavailableReason(err) !== null;
}

/** Zod issues as dotted field paths, for 400 answers. */
export function zodFieldErrors(err: ZodError): TFieldError[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Map any thrown value to an error body + HTTP status: the single place where errors become answers. */
export function toErrorBody(err: unknown): { status: number; body: TErrorBody } {
  if (err instanceof ZodError) {
    const fields = zodFieldErrors(err);
    const message = `invalid request: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`;
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message, fields } } };
  }
  if (isAppError(err)) {
    const body: TErrorBody = { error: { code: err.code, message: err.message } };
    if (err.fields) body.error.fields = err.fields;
    if (err.details !== undefined) body.error.details = err.details;
    return { status: APP_ERROR_STATUS[err.code], body };
  }
  if (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'SyntaxError') {
    // request.json() on a malformed body throws a SyntaxError (possibly from another realm: compare by name).
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'request body is not valid JSON' } } };
  }
  if (isDatabaseUnavailable(err)) {
    return { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'the database is unavailable; try again in a moment' } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal server error: the problem was logged; try again' } } };
}

/** Route handlers' catch-all: the error as a JSON Response (no stack traces; unexpected errors are logged). */
export function toErrorResponse(err: unknown, init?: { headers?: HeadersInit }): Response {
  const { status, body } = toErrorBody(err);
  if (status >= 500 && status !== 503) console.error('[api] unexpected error:', err);
  else if (status === 503) console.error('[api] database unavailable:', err instanceof Error ? err.message : err);
  const headers = new Headers(init?.headers);
  headers.set('content-type', 'application/json');
  if (status === 401) headers.set('www-authenticate', 'Session realm="netpol-lab"');
  // 429s from lib/security carry the wait in details; clients and proxies read it from Retry-After.
  const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (status === 429 && typeof retryAfter === 'number') headers.set('retry-after', String(retryAfter));
  return new Response(JSON.stringify(body), { status, headers });
}
