import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '@/lib/db/client';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { createTestUser } from '@/tests/setup/db';
import { AppError } from '@/lib/errors';
import type { TRateLimitResult } from '@/lib/db/rate-limit/hit-rate-limits';
import { loadSubmitContext } from './load-submit-context';

const content = loadContent(path.join(__dirname, '..', '..', '..', 'content'));
const base = content.scenarios.find((s) => s.slug === 'default-deny-ingress')?.content as TScenario;
const SLUG = `lsc-${randomBytes(4).toString('hex')}`;

function scenarioRow(version: number, published: boolean) {
  return { slug: SLUG, version, content: { ...base, slug: SLUG } as unknown as object, contentHash: `lsc-${SLUG}-${version}`, published, source: 'content' };
}

function attemptRow(userId: string, scenarioId: string, passed: boolean) {
  return { userId, scenarioId, scenarioSlug: SLUG, scenarioVersion: 1, yaml: 'x', score: passed ? 1 : 0, passedCount: 0, total: 1, passed, results: {}, durationMs: 0 };
}

const users: string[] = [];
async function newUser(): Promise<string> {
  const u = await createTestUser();
  users.push(u.id);
  return u.id;
}

afterAll(async () => {
  await db.attempt.deleteMany({ where: { scenarioSlug: SLUG } });
  await db.scenarioProgress.deleteMany({ where: { scenarioSlug: SLUG } });
  await db.scenario.deleteMany({ where: { slug: SLUG } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await disconnectDb();
});

describe('loadSubmitContext', () => {
  it('is null while no version of the slug is published, and creates no progress then', async () => {
    const userId = await newUser();
    await db.scenario.create({ data: scenarioRow(1, false) });
    expect(await loadSubmitContext(userId, SLUG)).toBeNull();
    expect(await db.scenarioProgress.count({ where: { userId, scenarioSlug: SLUG } })).toBe(0);
  });

  it('picks the newest published version and creates the progress row on a first submission', async () => {
    await db.scenario.create({ data: scenarioRow(2, true) });
    await db.scenario.create({ data: scenarioRow(3, true) });
    await db.scenario.create({ data: scenarioRow(4, false) });
    const userId = await newUser();
    const ctx = await loadSubmitContext(userId, SLUG);
    expect(ctx?.scenario.version).toBe(3);
    expect(ctx?.scenario.content.slug).toBe(SLUG);
    expect(ctx?.hadPassed).toBe(false);
    const stored = await db.scenarioProgress.findUniqueOrThrow({ where: { userId_scenarioSlug: { userId, scenarioSlug: SLUG } } });
    expect(ctx?.progress).toEqual({ hintsUnlocked: 0, gaveUp: false, solutionViewed: false, openedAt: stored.openedAt });
  });

  it('reads the stored progress exactly as Prisma does (openedAt in UTC to the millisecond)', async () => {
    const userId = await newUser();
    const openedAt = new Date('2026-03-04T05:06:07.089Z');
    await db.scenarioProgress.create({ data: { userId, scenarioSlug: SLUG, hintsUnlocked: 2, gaveUp: true, solutionViewed: true, openedAt } });
    const ctx = await loadSubmitContext(userId, SLUG);
    expect(ctx?.progress).toEqual({ hintsUnlocked: 2, gaveUp: true, solutionViewed: true, openedAt });
  });

  it('says whether the user passed any version before, counting only their own passing attempts', async () => {
    const userId = await newUser();
    const other = await newUser();
    const v3 = await db.scenario.findUniqueOrThrow({ where: { slug_version: { slug: SLUG, version: 3 } } });
    await db.attempt.create({ data: attemptRow(userId, v3.id, false) });
    await db.attempt.create({ data: attemptRow(other, v3.id, true) });
    expect((await loadSubmitContext(userId, SLUG))?.hadPassed).toBe(false);
    await db.attempt.create({ data: attemptRow(userId, v3.id, true) });
    expect((await loadSubmitContext(userId, SLUG))?.hadPassed).toBe(true);
  });

  it('answers UNAUTHENTICATED for a user that no longer exists (a live session of a deleted account), creating nothing', async () => {
    const userId = await newUser();
    await db.user.delete({ where: { id: userId } });
    const err = await loadSubmitContext(userId, SLUG).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAUTHENTICATED');
    expect(await db.scenarioProgress.count({ where: { userId } })).toBe(0);
  });

  it('counts the rate-limit hits in the same statement and hands their counts to enforce, in order', async () => {
    const userId = await newUser();
    const keys = [`lsc-test:a:${randomBytes(6).toString('hex')}`, `lsc-test:b:${randomBytes(6).toString('hex')}`];
    const now = new Date();
    const seen: TRateLimitResult[][] = [];
    const rateLimit = { hits: [{ key: keys[0], limit: 2, windowMs: 60_000 }, { key: keys[1], limit: 5, windowMs: 3_600_000 }], enforce: (r: TRateLimitResult[]) => void seen.push(r) };
    for (let i = 0; i < 3; i++) expect((await loadSubmitContext(userId, SLUG, { rateLimit, now }))?.scenario.version).toBe(3);
    expect(seen.map((r) => r.map((x) => [x.key, x.count, x.allowed]))).toEqual([
      [[keys[0], 1, true], [keys[1], 1, true]],
      [[keys[0], 2, true], [keys[1], 2, true]],
      [[keys[0], 3, false], [keys[1], 3, true]],
    ]);
    const stored = await db.rateLimit.findMany({ where: { key: { in: keys } }, orderBy: { key: 'asc' } });
    expect(stored.map((r) => r.count)).toEqual([3, 3]);
    await db.rateLimit.deleteMany({ where: { key: { in: keys } } });
  });

  it('stops before opening progress when enforce throws (a limited submission is not graded or recorded)', async () => {
    const userId = await newUser();
    const key = `lsc-test:c:${randomBytes(6).toString('hex')}`;
    const rateLimit = {
      hits: [{ key, limit: 0, windowMs: 60_000 }],
      enforce: () => {
        throw new AppError('RATE_LIMITED', 'too many');
      },
    };
    await expect(loadSubmitContext(userId, SLUG, { rateLimit })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await db.scenarioProgress.count({ where: { userId } })).toBe(0);
    await db.rateLimit.deleteMany({ where: { key } });
  });
});
