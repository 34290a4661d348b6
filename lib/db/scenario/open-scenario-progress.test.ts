import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '@/lib/db/client';
import { createTestUser } from '@/tests/setup/db';
import { openScenarioProgress } from './open-scenario-progress';

const SLUG = `osp-${randomBytes(4).toString('hex')}`;
const users: string[] = [];

afterAll(async () => {
  await db.scenarioProgress.deleteMany({ where: { scenarioSlug: SLUG } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await disconnectDb();
});

describe('openScenarioProgress', () => {
  it('creates one row when many first opens race (parallel submissions), and every caller gets that row', async () => {
    // A few rounds, fresh user each: whether the race is lost depends on timing.
    for (let round = 0; round < 5; round++) {
      const user = await createTestUser();
      users.push(user.id);
      const opened = await Promise.all(Array.from({ length: 30 }, () => openScenarioProgress(user.id, SLUG)));
      const stored = await db.scenarioProgress.findMany({ where: { userId: user.id, scenarioSlug: SLUG } });
      expect(stored).toHaveLength(1);
      for (const p of opened) expect(p).toEqual({ hintsUnlocked: 0, gaveUp: false, solutionViewed: false, openedAt: stored[0].openedAt });
    }
  });

  it('changes nothing on a later open', async () => {
    const user = await createTestUser();
    users.push(user.id);
    const openedAt = new Date('2026-01-02T03:04:05.006Z');
    await db.scenarioProgress.create({ data: { userId: user.id, scenarioSlug: SLUG, hintsUnlocked: 2, gaveUp: true, solutionViewed: false, openedAt } });
    expect(await openScenarioProgress(user.id, SLUG)).toEqual({ hintsUnlocked: 2, gaveUp: true, solutionViewed: false, openedAt });
  });
});
