import { AppError } from '@/lib/errors';
import { databaseUnavailableReason, mapDatabaseError, withDatabase } from './errors';

// Shapes as Prisma 7 + adapter-pg produce them (captured from real failures).
const rawUnreachable = { name: 'PrismaClientKnownRequestError', code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 } } } };
const modelMissingDb = { name: 'PrismaClientKnownRequestError', code: 'P1003', meta: { modelName: 'User', driverAdapterError: { cause: { kind: 'DatabaseDoesNotExist' } } } };
const uniqueViolation = { name: 'PrismaClientKnownRequestError', code: 'P2002', meta: { target: ['email'] } };

describe('databaseUnavailableReason', () => {
  it('names connection failures of raw and model queries', () => {
    expect(databaseUnavailableReason(rawUnreachable)).toBe('database unreachable');
    expect(databaseUnavailableReason(modelMissingDb)).toBe('database does not exist');
    expect(databaseUnavailableReason({ name: 'DatabaseNotConfiguredError', code: 'P1001' })).toBe('database not configured');
  });

  it('returns null for errors that are not about reaching the database', () => {
    expect(databaseUnavailableReason(uniqueViolation)).toBeNull();
    expect(databaseUnavailableReason(new Error('boom'))).toBeNull();
  });
});

describe('mapDatabaseError / withDatabase', () => {
  it('turns connection failures into AppError UNAVAILABLE (503)', async () => {
    const mapped = mapDatabaseError(rawUnreachable);
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).status).toBe(503);
    await expect(withDatabase(() => Promise.reject(rawUnreachable))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('passes other errors through unchanged', async () => {
    expect(mapDatabaseError(uniqueViolation)).toBe(uniqueViolation);
    await expect(withDatabase(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
