/**
 * Rate limits (issue 8, item 4) against the real test database: counters in Postgres (exact under concurrency,
 * fixed windows, stale windows swept), per account AND per address (a classroom behind one NAT address is not
 * locked out by one person's typos), and the 429 + Retry-After answers of sign-in, sign-up and submissions.
 */
import { randomBytes } from 'node:crypto';

const session: { userId: string | null } = { userId: null };
jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => session.userId,
}));

import { db } from '@/lib/db/client';
import { hitRateLimits } from '@/lib/db/rate-limit/hit-rate-limits';
import { hitRateLimit, RATE_LIMITS } from '@/lib/security/rate-limit';
import { limitCredentialsSignIn } from '@/lib/security/sign-in-limit';
import { POST as signupPOST } from '@/app/api/auth/signup/route';
import { POST as authPOST } from '@/app/api/auth/[...nextauth]/route';
import { POST as attemptsPOST } from '@/app/api/scenarios/[slug]/attempts/route';
import { requireTestDatabaseUrl } from '@/tests/setup/db';

const run = randomBytes(4).toString('hex');
const uniq = (p: string) => `${p}-${run}-${randomBytes(3).toString('hex')}`;
// A TEST-NET address per test, so tests (and parallel files) never share an address bucket.
let octet = Math.floor(Math.random() * 200);
const newAddress = () => `198.51.${100 + (octet++ % 100)}.${Math.floor(Math.random() * 250) + 1}`;
const users: string[] = [];

// Fixed windows reset at their edge: a test that counts to a limit starts well before an edge, never across one.
async function awayFromWindowEdge(windowMs: number, marginMs = 10_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}

beforeAll(() => requireTestDatabaseUrl());
afterAll(async () => {
  await db.attempt.deleteMany({ where: { userId: { in: users } } });
  await db.user.deleteMany({ where: { OR: [{ id: { in: users } }, { email: { contains: run } }] } });
  await db.$disconnect();
});

describe('hitRateLimits (the Postgres counters)', () => {
  it('counts exactly under concurrency: 40 parallel hits get counts 1..40 and exactly `limit` are allowed', async () => {
    const key = uniq('conc');
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimits([{ key, limit: 25, windowMs: 60_000 }])));
    const counts = results.map((r) => r[0].count).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(results.filter((r) => r[0].allowed)).toHaveLength(25);
  });

  it('starts a new window after windowMs and says how long until the window ends', async () => {
    const key = uniq('win');
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 15_000);
    const hit = (now: Date) => hitRateLimits([{ key, limit: 1, windowMs: 60_000 }], now).then((r) => r[0]);
    expect(await hit(t0)).toMatchObject({ allowed: true, count: 1, retryAfterMs: 45_000 });
    expect(await hit(new Date(t0.getTime() + 30_000))).toMatchObject({ allowed: false, count: 2, retryAfterMs: 15_000 });
    expect(await hit(new Date(t0.getTime() + 60_000))).toMatchObject({ allowed: true, count: 1 });
  });

  it('bumps several counters in one call and refuses duplicate keys', async () => {
    const a = uniq('a');
    const b = uniq('b');
    const r = await hitRateLimits([{ key: a, limit: 1, windowMs: 60_000 }, { key: b, limit: 5, windowMs: 3_600_000 }]);
    expect(r.map((x) => [x.key, x.count])).toEqual([[a, 1], [b, 1]]);
    await expect(hitRateLimits([{ key: a, limit: 1, windowMs: 60_000 }, { key: a, limit: 1, windowMs: 60_000 }])).rejects.toThrow(/duplicate/);
  });

  it('sweeps windows older than a day when a new window starts', async () => {
    const stale = uniq('stale');
    await db.rateLimit.create({ data: { key: stale, windowStart: new Date(Date.now() - 3 * 24 * 3600_000), count: 3 } });
    await hitRateLimits([{ key: uniq('fresh'), limit: 1, windowMs: 60_000 }]);
    expect(await db.rateLimit.count({ where: { key: stale } })).toBe(0);
  });
});

describe('per account and per address', () => {
  it('one person hammering their account locks that account only, not the classroom behind the same NAT address', async () => {
    await awayFromWindowEdge(15 * 60_000);
    const address = newAddress();
    const typist = uniq('typist') + '@example.test';
    const decisions = [];
    for (let i = 0; i < RATE_LIMITS.signIn[0].limit + 1; i++) decisions.push(await hitRateLimit('signIn', { account: typist, address }));
    expect(decisions.slice(0, -1).every((d) => d.allowed)).toBe(true);
    expect(decisions.at(-1)).toMatchObject({ allowed: false, scope: 'account' });
    // 30 classmates, same address, 3 typos each: none is locked out.
    const classmates = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const out = [];
        for (let k = 0; k < 3; k++) out.push(await hitRateLimit('signIn', { account: `${uniq(`pupil${i}`)}@example.test`, address }));
        return out;
      }),
    );
    expect(classmates.flat().every((d) => d.allowed)).toBe(true);
  });

  it('the account limit holds from any address (no escape by changing address)', async () => {
    await awayFromWindowEdge(15 * 60_000);
    const victim = uniq('victim') + '@example.test';
    const results = [];
    for (let i = 0; i < RATE_LIMITS.signIn[0].limit + 1; i++) results.push(await hitRateLimit('signIn', { account: victim, address: newAddress() }));
    expect(results.at(-1)).toMatchObject({ allowed: false, scope: 'account' });
  });

  it('the address limit stops one address spraying many accounts', async () => {
    await awayFromWindowEdge(60_000);
    const address = newAddress();
    const rules = [
      { scope: 'account' as const, limit: 10, windowMs: 60_000 },
      { scope: 'address' as const, limit: 5, windowMs: 60_000 },
    ];
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await hitRateLimit('signIn', { account: uniq('spray'), address }, { rules }));
    expect(results.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(results[5]).toMatchObject({ allowed: false, scope: 'address' });
    expect(results[5].allowed ? '' : results[5].message).toMatch(/^too many sign-in attempts from your network address: try again in \d+ seconds$/);
  });

  it('scales every limit with the multiplier', async () => {
    await awayFromWindowEdge(60_000);
    const account = uniq('mult');
    const address = newAddress();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await hitRateLimit('submit', { account, address }, { multiplier: 2 / 30 }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
  });
});

function jsonRequest(url: string, body: unknown, address: string, headers: Record<string, string> = {}) {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers }, body: JSON.stringify(body) });
}

describe('HTTP answers', () => {
  it('sign-in: 429 with Retry-After and next-auth`s {url} carrying error=RateLimited, before next-auth runs', async () => {
    await awayFromWindowEdge(15 * 60_000);
    const email = `${uniq('signin')}@example.test`;
    const address = newAddress();
    for (let i = 0; i < RATE_LIMITS.signIn[0].limit; i++) expect((await hitRateLimit('signIn', { account: email, address })).allowed).toBe(true);
    const form = new URLSearchParams({ email: email.toUpperCase(), password: 'whatever-1', csrfToken: 'x', json: 'true' }).toString();
    const req = new Request('http://localhost:3000/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(form.length), 'x-forwarded-for': newAddress() },
      body: form,
    });
    const res = await authPOST(req, { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    const body = (await res.json()) as { url: string; error: { message: string } };
    expect(new URL(body.url).searchParams.get('error')).toBe('RateLimited');
    expect(body.error.message).toMatch(/too many sign-in attempts for this account/);
  });

  it('sign-in: other next-auth POSTs (sign-out) are not counted', async () => {
    const req = new Request('http://localhost:3000/api/auth/signout', { method: 'POST', headers: { 'x-forwarded-for': newAddress() }, body: 'csrfToken=x' });
    expect(await limitCredentialsSignIn(req)).toBeNull();
  });

  it('sign-up: the 6th sign-up for one email within the hour is 429 with Retry-After (earlier ones 201, then 409)', async () => {
    await awayFromWindowEdge(3_600_000);
    const email = `${uniq('signup')}@example.test`;
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 6; i++) {
      last = await signupPOST(jsonRequest('http://localhost/api/auth/signup', { email, password: `Correct-Horse-${i}x` }, newAddress()));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 409, 409, 409, 409, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('submissions: the 31st within a minute is 429 with Retry-After; another learner on the same address still submits', async () => {
    await awayFromWindowEdge(60_000);
    const a = await db.user.create({ data: { email: `${uniq('subm')}@example.test` } });
    const b = await db.user.create({ data: { email: `${uniq('subm')}@example.test` } });
    users.push(a.id, b.id);
    const address = newAddress();
    const post = () => attemptsPOST(jsonRequest('http://localhost/api/scenarios/default-deny-ingress/attempts', { yaml: 'kind: [' }, address), { params: Promise.resolve({ slug: 'default-deny-ingress' }) });
    session.userId = a.id;
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 31; i++) {
      last = await post();
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
    const wait = Number(last!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    session.userId = b.id;
    expect((await post()).status).not.toBe(429);
  });
});
