import { createDbClient, disconnectDb, pingDatabase } from '@/lib/db/client';
import { databaseUnavailableReason } from '@/lib/db/errors';
import { requireTestDatabaseUrl } from '@/tests/setup/db';

const CLOSED_PORT_URL = 'postgresql://nobody:secret@127.0.0.1:1/nothing';

afterAll(() => disconnectDb());

describe('GET /api/health', () => {
  it('answers 200 {status:"ok"} when the database answers', async () => {
    requireTestDatabaseUrl();
    const { GET } = await import('@/app/api/health/route');
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 with a short reason (no stack, no URL) when the database is unreachable', async () => {
    const saved = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = CLOSED_PORT_URL;
    try {
      let route: typeof import('@/app/api/health/route') | undefined;
      // A fresh lib/env so the changed DATABASE_URL is read again.
      jest.isolateModules(() => {
        route = require('@/app/api/health/route');
      });
      const res = await route!.GET();
      const body = await res.json();
      expect(res.status).toBe(503);
      expect(body).toEqual({ status: 'unavailable', reason: 'database unreachable' });
      expect(JSON.stringify(body)).not.toContain('secret');
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
  });
});

describe('pingDatabase', () => {
  it('reports an unreachable server as a connection failure', async () => {
    const client = createDbClient(CLOSED_PORT_URL);
    try {
      const result = await pingDatabase(client);
      expect(result.ok).toBe(false);
      expect(result.ok ? null : databaseUnavailableReason(result.error)).toBe('database unreachable');
    } finally {
      await client.$disconnect();
    }
  });
});
