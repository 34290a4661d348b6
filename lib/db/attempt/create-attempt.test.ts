import { db, disconnectDb } from '@/lib/db/client';
import { createTestScenario, createTestUser } from '@/tests/setup/db';
import { createAttempt, newCuidLikeId, type TNewAttempt } from './create-attempt';
import { ATTEMPT_SELECT } from './types';

const users: string[] = [];
let scenario: { id: string; slug: string; version: number };

beforeAll(async () => {
  scenario = await createTestScenario();
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.scenario.deleteMany({ where: { id: scenario.id } });
  await disconnectDb();
});

async function input(over: Partial<TNewAttempt> = {}): Promise<TNewAttempt> {
  const u = await createTestUser();
  users.push(u.id);
  return {
    userId: u.id, scenarioId: scenario.id, scenarioSlug: scenario.slug, scenarioVersion: scenario.version,
    yaml: "kind: NetworkPolicy\nmetadata: {name: 'ünïcode \\u0000-free'}\n", score: 0.5, passedCount: 3, total: 6, passed: false,
    results: { score: 0.5, flows: [{ from: 'a/b', to: 'c/d', port: 80, why: 'quote " and backslash \\' }], nothing: null },
    durationMs: 1234, hintsUsed: 2, solutionViewed: true, ...over,
  };
}

describe('createAttempt', () => {
  it('stores exactly the attempt it returns (id, createdAt to the millisecond, report JSON)', async () => {
    const data = await input();
    const before = Date.now();
    const { attempt, created } = await createAttempt(data);
    expect(created).toBe(true);
    expect(attempt.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(attempt.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(attempt.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: ATTEMPT_SELECT });
    expect(stored).toEqual(attempt);
  });

  it('returns the first attempt for a repeated key, scoped per user', async () => {
    const data = await input({ idempotencyKey: 'k-1' });
    const first = await createAttempt(data);
    const again = await createAttempt({ ...data, score: 1, passed: true });
    expect(again).toEqual({ attempt: first.attempt, created: false });
    const other = await input({ idempotencyKey: 'k-1' });
    expect((await createAttempt(other)).created).toBe(true);
  });

  it('creates one row for concurrent requests with the same key', async () => {
    const data = await input({ idempotencyKey: 'k-race' });
    const results = await Promise.all([1, 2, 3, 4].map(() => createAttempt(data)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.attempt.id)).size).toBe(1);
    expect(await db.attempt.count({ where: { userId: data.userId } })).toBe(1);
  });
});

describe('newCuidLikeId', () => {
  it('gives distinct cuid-shaped ids even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newCuidLikeId(1_764_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
