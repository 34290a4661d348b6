/**
 * Preview as a learner: the newest (draft) version graded like a learner's attempt under the same reveal
 * rules, hints one at a time, the solution only after a pass or give-up; nothing is stored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { as, call, newUser, uniqueSlug } from './helpers';

jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => {
    const { session: s } = jest.requireActual<typeof import('./helpers')>('./helpers');
    return s.userId;
  },
}));

import { db } from '@/lib/db/client';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import * as list from '@/app/api/author/scenarios/route';
import * as previewAttempts from '@/app/api/author/scenarios/[slug]/preview/attempts/route';
import * as previewHints from '@/app/api/author/scenarios/[slug]/preview/hints/route';
import * as previewGiveUp from '@/app/api/author/scenarios/[slug]/preview/give-up/route';
import * as previewSolution from '@/app/api/author/scenarios/[slug]/preview/solution/route';

const users: string[] = [];
const SLUG = uniqueSlug('preview');
const text = readFileSync(path.join(__dirname, '../../../content/scenarios/default-deny-ingress.yaml'), 'utf8').replace(/^slug: .*$/m, `slug: ${SLUG}`);
const scenario = importScenarioYaml(text).content!;
const WRONG = scenario.solution!.replace('- Ingress', '- Egress');

let cookie = '';
function remember(headers: Headers) {
  const set = headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
}

beforeAll(async () => {
  const instructor = await newUser('instructor', users);
  as(instructor);
  expect((await call(list.POST, 'POST', { json: { mode: 'import', yaml: text } })).status).toBe(201);
});

afterAll(async () => {
  await db.scenario.deleteMany({ where: { slug: SLUG } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

test('a wrong answer on the draft shows only the failed flows, and nothing is stored', async () => {
  const r = await call(previewAttempts.POST, 'POST', { params: { slug: SLUG }, json: { yaml: WRONG } });
  expect(r.status).toBe(201);
  remember(r.headers);
  expect(r.json).toMatchObject({ pass: false, revealed: false, expectations: null, scenarioVersion: 1 });
  expect((r.json!.failed as unknown[]).length).toBeGreaterThan(0);
  expect(r.text).not.toContain(scenario.explanation.split('\n')[0]);
  expect(await db.attempt.count({ where: { scenarioSlug: SLUG } })).toBe(0);
});

test('hints unlock one at a time, and the solution waits for a pass or give-up', async () => {
  const h1 = await call(previewHints.POST, 'POST', { params: { slug: SLUG }, headers: { cookie } });
  remember(h1.headers);
  expect(h1.json).toMatchObject({ hints: scenario.hints.slice(0, 1), hintsUnlocked: 1 });
  const h2 = await call(previewHints.POST, 'POST', { params: { slug: SLUG }, headers: { cookie } });
  remember(h2.headers);
  expect(h2.json).toMatchObject({ hints: scenario.hints.slice(0, 2), hintsUnlocked: 2 });
  expect((await call(previewSolution.GET, 'GET', { params: { slug: SLUG }, headers: { cookie } })).status).toBe(403);
  const gave = await call(previewGiveUp.POST, 'POST', { params: { slug: SLUG }, headers: { cookie } });
  remember(gave.headers);
  expect(gave.json).toEqual({ gaveUp: true });
  expect((await call(previewSolution.GET, 'GET', { params: { slug: SLUG }, headers: { cookie } })).status).toBe(200);
});

test('a passing answer reveals every expectation', async () => {
  const r = await call(previewAttempts.POST, 'POST', { params: { slug: SLUG }, json: { yaml: scenario.solution } });
  expect(r.json).toMatchObject({ pass: true, revealed: true });
  expect((r.json!.expectations as unknown[]).length).toBe(scenario.expectations.length);
});
