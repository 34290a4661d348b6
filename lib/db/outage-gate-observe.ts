/**
 * Feeds the outage gate's flag from the database traffic itself: every statement the Prisma client sends goes
 * through its driver adapter, so watching the adapter sees every success and every connection failure, with no
 * change to the data-layer functions and no extra query while the database is up.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { databaseUnavailableReason } from '@/lib/errors';
import { markDatabaseReachable, markDatabaseUnreachable, type TOutageState, getOutageState } from './outage-gate-state';

/** Settle like `operation`, recording the outcome: success clears the flag, an unreachable-kind failure sets it. */
export function recordOutcome<T>(operation: Promise<T>, state: TOutageState = getOutageState()): Promise<T> {
  return operation.then(
    (value) => {
      markDatabaseReachable(state);
      return value;
    },
    (err: unknown) => {
      const reason = databaseUnavailableReason(err);
      if (reason) markDatabaseUnreachable(reason, Date.now(), state);
      throw err;
    },
  );
}

/**
 * The same adapter with its statements observed. Transactions are observed where they can fail to reach the
 * server (`startTransaction` takes a connection from the pool); statements inside one follow right after.
 */
export function observeAdapter(adapter: SqlDriverAdapter, state: TOutageState = getOutageState()): SqlDriverAdapter {
  const observed: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => recordOutcome(adapter.queryRaw(query), state),
    executeRaw: (query) => recordOutcome(adapter.executeRaw(query), state),
    executeScript: (script) => recordOutcome(adapter.executeScript(script), state),
    startTransaction: (isolationLevel) => recordOutcome(adapter.startTransaction(isolationLevel), state),
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) observed.getConnectionInfo = () => adapter.getConnectionInfo!();
  return observed;
}

/** A driver adapter factory whose adapters are observed (what lib/db/client.ts hands to PrismaClient). */
export function observeAdapterFactory(factory: SqlDriverAdapterFactory, state: TOutageState = getOutageState()): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => observeAdapter(await factory.connect(), state),
  };
}
