/**
 * The submit API with one huge mapping (issue 8, item 3): a learner posts a ~236 KiB policy whose matchLabels has
 * 13,500 keys plus one tag or one duplicate key (which cost the fallback parser about 2 s before its linear
 * duplicate-key check). The attempt is graded and stored with the right error at its line, never a 500.
 * Only the session lookup is faked; the database is the real test database.
 */
import { randomBytes } from 'node:crypto';

const session: { userId: string | null } = { userId: null };
jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => session.userId,
}));

import { db } from '@/lib/db/client';
import { DEFAULT_LIMITS } from '@/lib/netpol';
import * as attempts from '@/app/api/scenarios/[slug]/attempts/route';
import { bigMappingPolicy } from './hostile';

const SLUG = 'default-deny-ingress';
let userId = '';

beforeAll(async () => {
  const u = await db.user.create({ data: { email: `big-mapping-${randomBytes(5).toString('hex')}@example.test`, role: 'learner' } });
  userId = u.id;
  session.userId = userId;
});

afterAll(async () => {
  await db.attempt.deleteMany({ where: { userId } });
  await db.user.deleteMany({ where: { id: userId } });
  await db.$disconnect();
});

async function submit(yaml: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const req = new Request(`http://localhost/api/scenarios/${SLUG}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77', 'idempotency-key': `big-${randomBytes(6).toString('hex')}` },
    body: JSON.stringify({ yaml }),
  });
  const res = await attempts.POST(req, { params: Promise.resolve({ slug: SLUG }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

test('the request fits the 256 KiB body cap', () => {
  for (const variant of ['tag', 'duplicate'] as const) expect(Buffer.byteLength(JSON.stringify({ yaml: bigMappingPolicy(13_500, variant) }))).toBeLessThan(256 * 1024);
});

test.each([
  ['tag', `spec.podSelector.matchLabels: Too many: 13500: must have at most ${DEFAULT_LIMITS.maxMappingKeys} keys`, 7],
  ['duplicate', 'yaml: duplicate key: map keys must be unique', 8 + 13_500],
] as const)('POST /api/scenarios/{slug}/attempts with a 13,500-key mapping and a %s: 201, score 0, the error at its line', async (variant, message, line) => {
  const r = await submit(bigMappingPolicy(13_500, variant));
  expect(r.status).toBe(201);
  expect(r.json.score).toBe(0);
  expect(r.json.pass).toBe(false);
  expect(r.json.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), line })]);
});
