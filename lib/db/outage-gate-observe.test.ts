import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { createDbClient } from './client';
import { observeAdapter, observeAdapterFactory, recordOutcome } from './outage-gate-observe';
import { createOutageState, getOutageState, markDatabaseUnreachable } from './outage-gate-state';

// The shape adapter-pg throws when the server refuses the connection (DriverAdapterError with the kind in cause).
const unreachable = Object.assign(new Error('DatabaseNotReachable'), { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 } });
const uniqueViolation = Object.assign(new Error('UniqueConstraintViolation'), { name: 'DriverAdapterError', cause: { kind: 'UniqueConstraintViolation' } });
const query: SqlQuery = { sql: 'SELECT 1', args: [], argTypes: [] };

function fakeAdapter(outcome: () => Promise<never> | Promise<undefined>): SqlDriverAdapter & { disposed: number } {
  const adapter = {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    disposed: 0,
    queryRaw: () => outcome().then(() => ({ columnNames: ['x'], columnTypes: [], rows: [[1]] })),
    executeRaw: () => outcome().then(() => 1),
    executeScript: () => outcome().then(() => undefined),
    startTransaction: () => outcome().then(() => ({}) as never),
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    dispose: async () => {
      adapter.disposed++;
    },
  };
  return adapter;
}

describe('recordOutcome', () => {
  it('clears the flag on success and returns the value', async () => {
    const state = createOutageState();
    markDatabaseUnreachable('database unreachable', 1_000, state);
    await expect(recordOutcome(Promise.resolve(42), state)).resolves.toBe(42);
    expect(state.unreachableSince).toBeNull();
  });

  it('sets the flag on an unreachable-kind failure and rethrows the same error', async () => {
    const state = createOutageState();
    await expect(recordOutcome(Promise.reject(unreachable), state)).rejects.toBe(unreachable);
    expect(state.unreachableSince).not.toBeNull();
    expect(state.reason).toBe('database unreachable');
  });

  it('leaves the flag alone on other failures', async () => {
    const state = createOutageState();
    await expect(recordOutcome(Promise.reject(uniqueViolation), state)).rejects.toBe(uniqueViolation);
    expect(state.unreachableSince).toBeNull();
  });
});

describe('observeAdapter', () => {
  it('observes every statement kind and delegates the rest', async () => {
    const state = createOutageState();
    let fail = true;
    const adapter = fakeAdapter(() => (fail ? Promise.reject(unreachable) : Promise.resolve(undefined)));
    const observed = observeAdapter(adapter, state);
    expect([observed.provider, observed.adapterName]).toEqual(['postgres', '@prisma/adapter-pg']);
    expect(observed.getConnectionInfo?.()).toEqual({ schemaName: 'public', supportsRelationJoins: true });
    const calls = [() => observed.queryRaw(query), () => observed.executeRaw(query), () => observed.executeScript('SELECT 1'), () => observed.startTransaction()];
    for (const call of calls) {
      fail = true;
      await expect(call()).rejects.toBe(unreachable);
      expect(state.unreachableSince).not.toBeNull();
      fail = false;
      await call();
      expect(state.unreachableSince).toBeNull();
    }
    await observed.dispose();
    expect(adapter.disposed).toBe(1);
  });

  it('wraps the adapters a factory connects', async () => {
    const state = createOutageState();
    const factory: SqlDriverAdapterFactory = { provider: 'postgres', adapterName: '@prisma/adapter-pg', connect: async () => fakeAdapter(() => Promise.reject(unreachable)) };
    const observed = observeAdapterFactory(factory, state);
    await expect((await observed.connect()).queryRaw(query)).rejects.toBe(unreachable);
    expect(state.reason).toBe('database unreachable');
  });
});

describe('a real Prisma client with observeOutages', () => {
  // Port 1 on loopback refuses at once: the failure comes from adapter-pg through Prisma's own error path.
  it('flags the process-wide state when its query cannot reach the server', async () => {
    const state = getOutageState();
    const saved = { ...state };
    state.unreachableSince = null;
    const client = createDbClient('postgresql://nobody:x@127.0.0.1:1/none', 1, { observeOutages: true });
    try {
      await expect(client.$queryRaw`SELECT 1`).rejects.toBeTruthy();
      expect(state.unreachableSince).not.toBeNull();
      expect(state.reason).toBe('database unreachable');
    } finally {
      await client.$disconnect();
      Object.assign(state, saved);
    }
  });

  it('leaves the state alone for clients made without it (tests, scripts)', async () => {
    const state = getOutageState();
    const saved = { ...state };
    state.unreachableSince = null;
    const client = createDbClient('postgresql://nobody:x@127.0.0.1:1/none', 1);
    try {
      await expect(client.$queryRaw`SELECT 1`).rejects.toBeTruthy();
      expect(state.unreachableSince).toBeNull();
    } finally {
      await client.$disconnect();
      Object.assign(state, saved);
    }
  });
});
