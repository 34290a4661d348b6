import { db, disconnectDb } from '@/lib/db/client';
import { createTestScenario, createTestUser, uniqueId } from '@/tests/setup/db';

afterAll(() => disconnectDb());

function attemptData(userId: string, scenario: { id: string; slug: string; version: number }, idempotencyKey: string | null) {
  return {
    userId,
    scenarioId: scenario.id,
    scenarioSlug: scenario.slug,
    scenarioVersion: scenario.version,
    yaml: 'kind: NetworkPolicy',
    score: 1,
    passedCount: 6,
    total: 6,
    passed: true,
    results: { flows: [] },
    durationMs: 1000,
    idempotencyKey,
  };
}

describe('Attempt.idempotencyKey', () => {
  it('stores an attempt with a given key only once', async () => {
    const user = await createTestUser();
    const scenario = await createTestScenario();
    const key = `${user.id}:${uniqueId('key-')}`;
    await db.attempt.create({ data: attemptData(user.id, scenario, key) });
    await expect(db.attempt.create({ data: attemptData(user.id, scenario, key) })).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it('stores one row per request when concurrent requests carry the same key', async () => {
    const user = await createTestUser();
    const scenario = await createTestScenario();
    const key = `${user.id}:${uniqueId('key-')}`;
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => db.attempt.create({ data: attemptData(user.id, scenario, key) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.attempt.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('does not restrict attempts without a key', async () => {
    const user = await createTestUser();
    const scenario = await createTestScenario();
    await db.attempt.create({ data: attemptData(user.id, scenario, null) });
    await db.attempt.create({ data: attemptData(user.id, scenario, null) });
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(2);
  });

  it('deletes a user’s attempts with the user (cascade)', async () => {
    const user = await createTestUser();
    const scenario = await createTestScenario();
    await db.attempt.create({ data: attemptData(user.id, scenario, null) });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(0);
  });
});
