/**
 * The submit route counts its rate limit inside the submission's first statement (loadSubmitContext): under
 * concurrency exactly `limit` submissions of one account are graded and stored, every request is counted once
 * (an idempotent replay too, never twice), and nothing is graded uncounted.
 */
import { randomBytes } from 'node:crypto';

const session: { userId: string | null } = { userId: null };
jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => session.userId,
}));

import { db } from '@/lib/db/client';
import { planRateLimit, RATE_LIMITS } from '@/lib/security/rate-limit';
import { POST as attemptsPOST } from '@/app/api/scenarios/[slug]/attempts/route';
import { requireTestDatabaseUrl } from '@/tests/setup/db';

const SLUG = 'default-deny-ingress';
const run = randomBytes(4).toString('hex');
const users: string[] = [];
let octet = Math.floor(Math.random() * 200);
// A TEST-NET-3 address per test, so tests (and parallel files) never share an address bucket.
const newAddress = () => `203.0.113.${(octet++ % 250) + 1}`;

// Fixed windows reset at their edge: a test that counts to a limit starts well before an edge, never across one.
async function awayFromWindowEdge(windowMs: number, marginMs = 15_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}

async function newUser(): Promise<string> {
  const u = await db.user.create({ data: { email: `submit-rl-${run}-${randomBytes(3).toString('hex')}@example.test` } });
  users.push(u.id);
  return u.id;
}

function submit(address: string, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/api/scenarios/${SLUG}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
    body: JSON.stringify({ yaml: 'kind: NetworkPolicy' }),
  });
  return attemptsPOST(req, { params: Promise.resolve({ slug: SLUG }) });
}

// The account counter's current value (its key as the route computes it).
async function accountCount(userId: string): Promise<number> {
  const key = planRateLimit('submit', { account: userId, address: '0.0.0.0' }).hits[0].key;
  const rows = await db.rateLimit.findMany({ where: { key } });
  return rows.reduce((n, r) => n + r.count, 0);
}

beforeAll(() => requireTestDatabaseUrl());
afterAll(async () => {
  await db.attempt.deleteMany({ where: { userId: { in: users } } });
  await db.scenarioProgress.deleteMany({ where: { userId: { in: users } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

describe('submit rate limit counted in the submission`s first statement', () => {
  it('under concurrency: exactly `limit` of one account`s parallel submissions are stored, the rest 429, all counted', async () => {
    await awayFromWindowEdge(60_000);
    session.userId = await newUser();
    const limit = RATE_LIMITS.submit[0].limit;
    const total = limit + 15;
    const address = newAddress();
    const responses = await Promise.all(Array.from({ length: total }, () => submit(address)));
    const statuses = responses.map((r) => r.status);
    // Nothing else: parallel first submissions once raced creating the progress row (500).
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(total - limit);
    expect(await db.attempt.count({ where: { userId: session.userId } })).toBe(limit);
    expect(await accountCount(session.userId)).toBe(total);
  });

  it('an idempotent replay is counted once, like any request, and stores nothing new', async () => {
    await awayFromWindowEdge(60_000);
    session.userId = await newUser();
    const key = `replay-${randomBytes(6).toString('hex')}`;
    const first = await submit(newAddress(), { 'idempotency-key': key });
    const again = await submit(newAddress(), { 'idempotency-key': key });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.attempt.count({ where: { userId: session.userId } })).toBe(1);
    expect(await accountCount(session.userId)).toBe(2);
  });

  it('a deleted account`s live session is 401 and stores nothing', async () => {
    const userId = await newUser();
    await db.user.delete({ where: { id: userId } });
    session.userId = userId;
    expect((await submit(newAddress())).status).toBe(401);
    expect(await db.attempt.count({ where: { userId } })).toBe(0);
  });

  it('counts malformed requests too: a flood of bad bodies or keys is 400 until the limit, then 429', async () => {
    await awayFromWindowEdge(60_000);
    session.userId = await newUser();
    const address = newAddress();
    const bad = (i: number) =>
      attemptsPOST(
        new Request(`http://localhost/api/scenarios/${SLUG}/attempts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(i % 2 ? { 'idempotency-key': 'has space' } : {}) },
          body: i % 2 ? JSON.stringify({ yaml: 'x' }) : '{not json',
        }),
        { params: Promise.resolve({ slug: SLUG }) },
      );
    const limit = RATE_LIMITS.submit[0].limit;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await bad(i)).status);
    expect(statuses.slice(0, limit).every((s) => s === 400)).toBe(true);
    expect(statuses[limit]).toBe(429);
    expect(await accountCount(session.userId)).toBe(limit + 1);
    expect(await db.attempt.count({ where: { userId: session.userId } })).toBe(0);
  });
});
