/**
 * The cohort report against the real test database: learners join with the code, submit through the learner
 * API, and the instructor's report shows solved counts, solve rate, median attempts and the most common failure.
 */
import { as, call, newUser } from '../author/helpers';

jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => {
    const { session: s } = jest.requireActual<typeof import('../author/helpers')>('../author/helpers');
    return s.userId;
  },
}));

import { db } from '@/lib/db/client';
import * as cohorts from '@/app/api/cohorts/route';
import * as join from '@/app/api/cohorts/join/route';
import * as cohort from '@/app/api/cohorts/[id]/route';
import * as attempts from '@/app/api/scenarios/[slug]/attempts/route';

const SLUG = 'default-deny-ingress';
// Isolating egress too breaks prod → dev; the comment must not reach the instructor's sample.
const WRONG = '# written by Ann Example\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const RIGHT = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';

const users: string[] = [];
let instructor = '';
let ann = '';
let bo = '';
let outsider = '';
let cohortId = '';

async function submit(userId: string, yaml: string) {
  as(userId);
  const r = await call(attempts.POST, 'POST', { params: { slug: SLUG }, json: { yaml } });
  expect(r.status).toBe(201);
}

beforeAll(async () => {
  instructor = await newUser('instructor', users);
  ann = await newUser('learner', users);
  bo = await newUser('learner', users);
  outsider = await newUser('learner', users);
  as(instructor);
  const c = await call(cohorts.POST, 'POST', { json: { name: 'Report cohort' } });
  cohortId = String(c.json!.id);
  const code = String(c.json!.code);
  for (const u of [ann, bo]) {
    as(u);
    // Codes are typed by hand: case and dashes do not matter.
    expect((await call(join.POST, 'POST', { json: { code: `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}` } })).status).toBe(200);
  }
  // Ann: wrong, wrong, right. Bo: right at once. The outsider's failures must not count.
  await submit(ann, WRONG);
  await submit(ann, WRONG);
  await submit(ann, RIGHT);
  await submit(bo, RIGHT);
  await submit(outsider, WRONG);
  await submit(outsider, WRONG);
  await submit(outsider, WRONG);
});

afterAll(async () => {
  await db.cohort.deleteMany({ where: { id: cohortId } });
  await db.attempt.deleteMany({ where: { userId: { in: users } } });
  await db.scenarioProgress.deleteMany({ where: { userId: { in: users } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

test('per learner: solved count, attempts and last activity', async () => {
  as(instructor);
  const r = await call(cohort.GET, 'GET', { params: { id: cohortId } });
  expect(r.status).toBe(200);
  const learners = r.json!.learners as { userId: string; solved: number; attempts: number; lastActivity: string | null }[];
  expect(learners.map((l) => l.userId).sort()).toEqual([ann, bo].sort());
  const a = learners.find((l) => l.userId === ann)!;
  expect([a.solved, a.attempts]).toEqual([1, 3]);
  expect(a.lastActivity).not.toBeNull();
});

test('per scenario: solve rate, median attempts to solve, most common failure, anonymised sample', async () => {
  as(instructor);
  const r = await call(cohort.GET, 'GET', { params: { id: cohortId } });
  const s = (r.json!.scenarios as { slug: string; solveRate: number; medianAttemptsToSolve: number; failedAttempts: number; topFailures: { flow: string; count: number }[]; sampleWrongAnswer: string }[]).find((x) => x.slug === SLUG)!;
  expect(s.solveRate).toBe(1);
  // Ann needed 3, Bo 1.
  expect(s.medianAttemptsToSolve).toBe(2);
  expect(s.failedAttempts).toBe(2);
  expect(s.topFailures[0].count).toBe(2);
  expect(s.topFailures[0].flow).toMatch(/^prod\/\w+ → dev\/tester :\d+\/TCP$/);
  expect(s.sampleWrongAnswer).toContain('policyTypes: [Ingress, Egress]');
  expect(s.sampleWrongAnswer).not.toContain('Ann Example');
  expect(r.text).not.toContain(outsider);
});
