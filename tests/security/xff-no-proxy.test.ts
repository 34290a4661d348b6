/**
 * X-Forwarded-For with no proxy in front (issue 8, item 4), against `next start` on a production build:
 * - TRUST_PROXY_HOPS=1 (default) with nothing in front: Next passes a client's own X-Forwarded-For through
 *   (it only fills the header from the socket when it is absent), so a client that forges a new address per
 *   request dodges the per-address sign-up limit: the known risk, shown here so a change in Next is noticed;
 * - TRUST_PROXY_HOPS=0 with lib/security/client-address-preload.cjs: the header is rewritten from the socket,
 *   so the same forging client is counted as 127.0.0.1 and meets the per-address limit.
 * RATE_LIMIT_MULTIPLIER=0.01 makes the sign-up limit 3 per address per 15 minutes. TRUST_PROXY_HOPS=0 without the
 * preload is refused by lib/env.ts (lib/security/client-address-preload.test.ts).
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { requireTestDatabaseUrl } from '@/tests/setup/db';
import { ROOT, startApp, type TAppServer } from '@/tests/e2e/harness';

const run = randomBytes(4).toString('hex');
const PRELOAD = path.join(ROOT, 'lib/security/client-address-preload.cjs');
const SIGN_UPS = 5;

/** Starts the app with these variables set (restored afterwards: Jest reuses this process for other files). */
async function startWith(vars: Record<string, string | undefined>): Promise<TAppServer> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await startApp();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** SIGN_UPS sign-ups with new emails, each from a different forged X-Forwarded-For; their statuses. */
async function forgedSignUps(app: TAppServer, tag: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_UPS; i++) {
    const forged = `203.0.113.${Math.floor(Math.random() * 250) + 1}, 198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const res = await fetch(`${app.baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forged },
      body: JSON.stringify({ email: `xff-${tag}-${run}-${i}@example.test`, password: 'Correct-Horse-42' }),
    });
    statuses.push(res.status);
    await res.text();
  }
  return statuses;
}

const started: TAppServer[] = [];

beforeAll(() => requireTestDatabaseUrl());
afterAll(async () => {
  await Promise.all(started.map((a) => a.stop()));
  await db.user.deleteMany({ where: { email: { contains: run } } });
  await db.$disconnect();
});

describe('X-Forwarded-For with no proxy in front of next start', () => {
  it('TRUST_PROXY_HOPS=1 and no proxy: forged addresses each get a fresh per-address bucket (the documented risk)', async () => {
    const app = await startWith({ TRUST_PROXY_HOPS: '1', RATE_LIMIT_MULTIPLIER: '0.01', NODE_OPTIONS: undefined });
    started.push(app);
    expect(await forgedSignUps(app, 'hops1')).toEqual(new Array(SIGN_UPS).fill(201));
  }, 600_000);

  it('TRUST_PROXY_HOPS=0 with the preload: the forging client is counted by its socket address and stopped', async () => {
    const app = await startWith({ TRUST_PROXY_HOPS: '0', RATE_LIMIT_MULTIPLIER: '0.01', NODE_OPTIONS: `--require=${PRELOAD}` });
    started.push(app);
    const statuses = await forgedSignUps(app, 'hops0');
    // Other suites may have signed up from 127.0.0.1 in this window already, so fewer than 3 may pass; the
    // forged headers never buy more than the 3 the socket address is allowed.
    const allowed = statuses.filter((s) => s === 201).length;
    expect(allowed).toBeLessThanOrEqual(3);
    expect(statuses).toEqual([...new Array(allowed).fill(201), ...new Array(SIGN_UPS - allowed).fill(429)]);
  }, 600_000);
});
