import { z } from 'zod';
import { AppError, databaseUnavailableReason, isDatabaseUnavailable, toErrorBody, toErrorResponse } from './errors';

describe('toErrorBody', () => {
  it('maps AppError codes to their statuses', () => {
    expect(toErrorBody(new AppError('UNAUTHENTICATED', 'sign in')).status).toBe(401);
    expect(toErrorBody(new AppError('FORBIDDEN', 'no')).status).toBe(403);
    expect(toErrorBody(new AppError('NOT_FOUND', 'no')).status).toBe(404);
    expect(toErrorBody(new AppError('CONFLICT', 'taken')).body.error).toEqual({ code: 'CONFLICT', message: 'taken' });
  });

  it('maps zod errors to 400 with field paths', () => {
    const parsed = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
    if (parsed.success) throw new Error('expected a zod error');
    const { status, body } = toErrorBody(parsed.error);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.fields?.[0].path).toBe('a.b');
  });

  it('maps an unreachable database to 503', () => {
    const err = Object.assign(new Error('cannot reach'), { code: 'P1001' });
    expect(toErrorBody(err).status).toBe(503);
    const nested = new Error('query failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(isDatabaseUnavailable(nested)).toBe(true);
    expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
  });

  it('maps a raw query that could not reach the database (P2010 with the adapter kind in meta) to 503', () => {
    const raw = { name: 'PrismaClientKnownRequestError', code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } } };
    expect(isDatabaseUnavailable(raw)).toBe(true);
    expect(databaseUnavailableReason(raw)).toBe('database unreachable');
    expect(toErrorBody(raw).status).toBe(503);
    // A raw query failing for another reason (here a unique violation) stays a 500.
    const other = { ...raw, meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } } };
    expect(isDatabaseUnavailable(other)).toBe(false);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: { kind: 'TooManyConnections' } }))).toBe(true);
    expect(databaseUnavailableReason(new Error('wrapped', { cause: { kind: 'TooManyConnections' } }))).toBe('database has too many connections');
    expect(databaseUnavailableReason(new Error('Connection terminated unexpectedly'))).toBe('database unreachable');
    expect(isDatabaseUnavailable({ code: 'toString' })).toBe(false);
  });

  it('hides unexpected errors behind a 500 without the stack', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = toErrorResponse(new Error('secret internals at /srv/app.ts:12'));
    spy.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
  });
});
