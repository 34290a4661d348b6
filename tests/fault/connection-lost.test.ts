/**
 * A database restart kills pooled connections under the app: the first queries on them fail with
 * node-postgres's plain "Connection terminated unexpectedly" (no code), later ones with the adapter's
 * DatabaseNotReachable. Both must map to 503 (never a 500), raw queries and model queries alike, and the
 * same client must work again once the database is back. The whole-server version is db-down.test.ts.
 */
import net from 'node:net';
import { createDbClient, type TDb } from '@/lib/db/client';
import { databaseUnavailableReason } from '@/lib/db/errors';
import { toErrorBody } from '@/lib/errors';
import { requireTestDatabaseUrl } from '@/tests/setup/db';

let server: net.Server;
let port = 0;
const sockets = new Set<net.Socket>();
let client: TDb;

function listen(p: number): Promise<void> {
  const target = new URL(requireTestDatabaseUrl());
  server = net.createServer((c) => {
    const u = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [c, u]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    c.pipe(u).pipe(c);
  });
  return new Promise((resolve) => server.listen(p, '127.0.0.1', () => resolve()));
}

function cut(): void {
  server.close();
  for (const s of sockets) s.destroy();
}

async function failure(op: () => Promise<unknown>): Promise<unknown> {
  try {
    await op();
  } catch (err) {
    return err;
  }
  throw new Error('the query succeeded through a cut connection');
}

beforeAll(async () => {
  await listen(0);
  port = (server.address() as net.AddressInfo).port;
  const url = new URL(requireTestDatabaseUrl());
  url.host = `127.0.0.1:${port}`;
  client = createDbClient(url.toString(), 4);
});

afterAll(async () => {
  cut();
  await client.$disconnect();
});

it('maps lost and refused connections to 503, then recovers on the same client', async () => {
  // Open several pooled connections, then cut them all.
  await Promise.all([client.$queryRaw`SELECT 1 FROM pg_sleep(0.05)`, client.$queryRaw`SELECT 1 FROM pg_sleep(0.05)`, client.user.count()]);
  cut();
  const errors = [await failure(() => client.$queryRaw`SELECT 1`), await failure(() => client.user.count()), await failure(() => client.$queryRaw`SELECT 1`), await failure(() => client.user.count())];
  for (const err of errors) {
    const { status, body } = toErrorBody(err);
    const label = `${(err as Error).name} ${(err as { code?: string }).code} ${JSON.stringify((err as { meta?: unknown }).meta)} ${String((err as Error).message).trim().slice(-200)}`;
    expect([label, status]).toEqual([label, 503]);
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(databaseUnavailableReason(err)).toBe('database unreachable');
  }
  await listen(port);
  const deadline = Date.now() + 10_000;
  let ok = false;
  while (!ok && Date.now() < deadline) {
    ok = await client.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
  }
  expect(ok).toBe(true);
  expect(typeof (await client.user.count())).toBe('number');
});
