/**
 * Catalog, progress and attempt-history data functions against the real test database (DATABASE_URL):
 * newest published version per slug, hidden fields never selected, drill attempts counted, ownership enforced.
 */
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { listPublishedScenarios } from '@/lib/db/progress/list-published-scenarios';
import { getProgress } from '@/lib/db/progress/get-progress';
import { getCatalog } from '@/lib/db/progress/get-catalog';
import { listStandings } from '@/lib/db/progress/list-standings';
import { listAttemptSummaries } from '@/lib/db/progress/list-attempt-summaries';
import { computeStandings } from '@/lib/db/progress/compute-progress';
import { listOwnAttempts, ATTEMPTS_PAGE_SIZE } from '@/lib/db/attempt/list-own-attempts';
import { findOwnAttempt } from '@/lib/db/attempt/find-own-attempt';
import { findLatestOwnAttempt } from '@/lib/db/attempt/find-latest-own-attempt';
import { getAttemptReplay } from '@/lib/db/attempt/get-attempt-replay';

const tag = randomBytes(3).toString('hex');
const slugA = `itest-${tag}-a`;
const slugB = `itest-${tag}-b`;
const topic = `itest-topic-${tag}`;
const SECRET_WHY = `secret why ${tag}`;

function content(slug: string, title: string, difficulty: number) {
  return { slug, title, kind: 'write', difficulty, timeMinutes: 5, topics: [topic, 'ingress'], namespace: 'prod', task: `Task text for ${slug}`, expectations: [{ from: 'a/b', to: 'c/d', port: 80, allowed: false, why: SECRET_WHY }], solution: 'kind: NetworkPolicy' };
}

let userId = '';
let otherId = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `progress-${tag}@example.test`, passwordHash: null } });
  const other = await db.user.create({ data: { email: `other-${tag}@example.test`, passwordHash: null } });
  userId = user.id;
  otherId = other.id;
  // A: v1 and v2 published (v2 is newest); v3 unpublished (must be ignored). B: one version.
  for (const [slug, version, published, title] of [[slugA, 1, true, 'A one'], [slugA, 2, true, 'A two'], [slugA, 3, false, 'A three'], [slugB, 1, true, 'B one']] as const) {
    const row = await db.scenario.create({ data: { slug, version, published, content: content(slug, title, slug === slugA ? 1 : 2), contentHash: `${slug}-${version}` } });
    ids[`${slug}@${version}`] = row.id;
  }
  const drill = await db.drillSession.create({ data: { userId, title: 'drill', feedback: 'end', tasks: [], deadline: new Date(Date.now() + 600_000) } });
  const base = { yaml: 'kind: NetworkPolicy\n', results: { expectations: [] }, hintsUsed: 0, solutionViewed: false };
  // A: a failure on v1, then a pass on v2 made inside a drill. B: one failure.
  await db.attempt.create({ data: { ...base, userId, scenarioId: ids[`${slugA}@1`], scenarioSlug: slugA, scenarioVersion: 1, score: 0.5, passedCount: 1, total: 2, passed: false, durationMs: 30_000, createdAt: new Date(Date.now() - 3_600_000) } });
  await db.attempt.create({ data: { ...base, userId, scenarioId: ids[`${slugA}@2`], scenarioSlug: slugA, scenarioVersion: 2, score: 1, passedCount: 2, total: 2, passed: true, durationMs: 60_000, drillSessionId: drill.id } });
  await db.attempt.create({ data: { ...base, userId, scenarioId: ids[`${slugB}@1`], scenarioSlug: slugB, scenarioVersion: 1, score: 0.25, passedCount: 1, total: 4, passed: false, durationMs: 10_000 } });
  await db.attempt.create({ data: { ...base, userId: otherId, scenarioId: ids[`${slugB}@1`], scenarioSlug: slugB, scenarioVersion: 1, score: 1, passedCount: 4, total: 4, passed: true, durationMs: 5_000 } });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [userId, otherId] } } });
  await db.scenario.deleteMany({ where: { slug: { in: [slugA, slugB] } } });
  await db.$disconnect();
});

describe('listPublishedScenarios', () => {
  it('returns the newest published version per slug with learner-visible fields only', async () => {
    const mine = (await listPublishedScenarios()).filter((s) => s.slug.startsWith(`itest-${tag}`));
    expect(mine.map((s) => [s.slug, s.version, s.title])).toEqual([[slugA, 2, 'A two'], [slugB, 1, 'B one']]);
    expect(JSON.stringify(mine)).not.toContain(SECRET_WHY);
    expect(JSON.stringify(mine)).not.toContain('solution');
  });
});

describe('getProgress', () => {
  it('counts the drill pass as solved and computes topic mastery, time and history for this user only', async () => {
    const p = await getProgress(userId);
    const t = p.topics.find((x) => x.topic === topic);
    expect(t).toMatchObject({ total: 2, solved: 1 });
    expect(t!.mastery).toBeGreaterThan(0.25);
    expect(t!.mastery).toBeLessThan(0.5); // A solved but with a recent failure; B unsolved
    expect(p.attemptCount).toBe(3);
    expect(p.timeSpentMs).toBe(100_000);
    expect(p.history.map((h) => h.scenarioSlug)).toEqual([slugA, slugA, slugB]);
    expect(p.streak.current).toBeGreaterThanOrEqual(1);
  });
});

describe('getCatalog', () => {
  it('joins the user standing and filters by status and text', async () => {
    const all = await getCatalog(userId, { topic });
    expect(all.entries.map((e) => [e.slug, e.standing.status, e.standing.bestScore])).toEqual([[slugA, 'solved', 1], [slugB, 'attempted', 0.25]]);
    expect((await getCatalog(userId, { topic, status: 'attempted' })).entries.map((e) => e.slug)).toEqual([slugB]);
    expect((await getCatalog(userId, { q: `task text for ${slugB}` })).entries.map((e) => e.slug)).toEqual([slugB]);
    const anon = await getCatalog(null, { topic });
    expect(anon.entries.every((e) => e.standing.status === 'new')).toBe(true);
    expect(anon.topics).toContain(topic);
  });
});

describe('listStandings', () => {
  it('aggregates in SQL exactly what computeStandings derives from every attempt', async () => {
    const sql = await listStandings(userId);
    expect(sql).toEqual(computeStandings(await listAttemptSummaries(userId)));
    expect(sql.get(slugA)).toMatchObject({ status: 'solved', bestScore: 1, attempts: 2 });
    expect(sql.get(slugB)).toMatchObject({ status: 'attempted', bestScore: 0.25, attempts: 1 });
    expect((await listStandings(otherId)).get(slugB)).toMatchObject({ status: 'solved', attempts: 1 });
  });
});

describe('own attempts', () => {
  it('lists only the user’s attempts, newest first, with the drill flag', async () => {
    const page = await listOwnAttempts(userId, { page: 1, includeDrills: true });
    expect(page.total).toBe(3);
    expect(page.hasMore).toBe(false);
    expect(page.items.map((a) => a.scenarioSlug)).toEqual([slugB, slugA, slugA]);
    expect(page.items.map((a) => a.inDrill)).toEqual([false, true, false]);
    expect(ATTEMPTS_PAGE_SIZE).toBeGreaterThan(3);
  });

  it('finds an own attempt with its scenario title, and nothing for another user’s id', async () => {
    const theirs = await listOwnAttempts(otherId, { page: 1, includeDrills: true });
    expect(theirs.total).toBe(1);
    expect(await findOwnAttempt(userId, theirs.items[0].id)).toBeNull();
    const mine = await findOwnAttempt(userId, (await listOwnAttempts(userId, { page: 1, includeDrills: true })).items[1].id);
    expect(mine).toMatchObject({ scenarioSlug: slugA, scenarioVersion: 2, scenarioTitle: 'A two', inDrill: true, passed: true });
  });

  it('leaves drill attempts out unless asked, and pages by pageSize', async () => {
    const practice = await listOwnAttempts(userId);
    expect(practice.total).toBe(2);
    expect(practice.items.map((a) => [a.scenarioSlug, a.inDrill])).toEqual([[slugB, false], [slugA, false]]);
    const first = await listOwnAttempts(userId, { includeDrills: true, pageSize: 2 });
    const second = await listOwnAttempts(userId, { includeDrills: true, pageSize: 2, page: 2 });
    expect([first.hasMore, second.hasMore]).toEqual([true, false]);
    expect([...first.items, ...second.items].map((a) => a.scenarioSlug)).toEqual([slugB, slugA, slugA]);
  });

  it('finds the newest practice attempt on a scenario (not the drill one)', async () => {
    expect(await findLatestOwnAttempt(userId, slugA)).toMatchObject({ scenarioSlug: slugA, scenarioVersion: 1, passed: false });
    expect(await findLatestOwnAttempt(otherId, slugA)).toBeNull();
  });
});

describe('getAttemptReplay', () => {
  const slugC = `itest-${tag}-c`;
  const PASSED_WHY = `passed why ${tag}`;
  const FAILED_WHY = `failed why ${tag}`;
  const SOLUTION = `# solution marker ${tag}`;
  let learnerId = '';
  let attemptId = '';

  beforeAll(async () => {
    learnerId = (await db.user.create({ data: { email: `replay-${tag}@example.test`, passwordHash: null } })).id;
    const row = await db.scenario.create({
      data: { slug: slugC, version: 1, published: true, content: { ...content(slugC, 'C one', 1), solution: SOLUTION }, contentHash: `${slugC}-1` },
    });
    // The stored report is the full grade: a passed expectation (its why is hidden until the reveal) and a failed one.
    const flow = { protocol: 'TCP', reason: 'r', explanation: [], pointers: [] };
    const results = {
      scenario: slugC,
      kind: 'write',
      score: 0.5,
      passed: 1,
      total: 2,
      pass: false,
      expectations: [
        { ...flow, from: 'a/b', to: 'c/d', port: 80, expected: 'denied', actual: 'denied', passed: true, why: PASSED_WHY },
        { ...flow, from: 'a/b', to: 'c/d', port: 443, expected: 'allowed', actual: 'denied', passed: false, why: FAILED_WHY, policyLine: 1 },
      ],
      errors: [],
      lint: [],
      requirements: [],
      matrix: null,
    };
    const attempt = await db.attempt.create({
      data: { userId: learnerId, scenarioId: row.id, scenarioSlug: slugC, scenarioVersion: 1, yaml: 'kind: NetworkPolicy\n', results, score: 0.5, passedCount: 1, total: 2, passed: false, durationMs: 1_000, hintsUsed: 0, solutionViewed: false },
    });
    attemptId = attempt.id;
  });

  afterAll(async () => {
    await db.user.deleteMany({ where: { id: learnerId } });
    await db.scenario.deleteMany({ where: { slug: slugC } });
  });

  it('shows the failed flow with its why, never a passed expectation’s why, the solution or the raw report', async () => {
    const replay = await getAttemptReplay(learnerId, attemptId);
    expect(replay).not.toBeNull();
    expect(replay!.attempt).not.toHaveProperty('results');
    expect(replay!.attempt).toMatchObject({ scenarioSlug: slugC, scenarioTitle: 'C one', inDrill: false });
    expect(replay!.feedback.byLine.get(1)?.map((f) => f.detail)).toEqual([`r\nWhy: ${FAILED_WHY}`]);
    const text = JSON.stringify({ ...replay, feedback: replay!.feedback.items });
    expect(text).not.toContain(PASSED_WHY);
    expect(text).not.toContain(SOLUTION);
  });

  it('is null for another user', async () => {
    expect(await getAttemptReplay(userId, attemptId)).toBeNull();
  });
});
