/**
 * Versions: saving a published (or used) scenario creates version+1; attempts keep the version they were
 * made on; learners see the newest published version. Plus import → export through the API is lossless.
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
jest.mock('@/lib/editor/markdown', () => ({ renderMarkdown: (s: string) => `<p>${s}</p>` }));

import { db } from '@/lib/db/client';
import { canonicalJson } from '@/lib/scenarios/load-content';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import type { TAuthorForm } from '@/lib/authoring/author-form';
import * as list from '@/app/api/author/scenarios/route';
import * as one from '@/app/api/author/scenarios/[slug]/route';
import * as publish from '@/app/api/author/scenarios/[slug]/publish/route';
import * as exporter from '@/app/api/author/scenarios/[slug]/export/route';
import * as learnerScenario from '@/app/api/scenarios/[slug]/route';
import * as attempts from '@/app/api/scenarios/[slug]/attempts/route';
import { findOwnAttempt } from '@/lib/db/attempt/find-own-attempt';

const users: string[] = [];
const SLUG = uniqueSlug('versions');
const COPY = uniqueSlug('versions-copy');
const baseText = readFileSync(path.join(__dirname, '../../../content/scenarios/default-deny-ingress.yaml'), 'utf8').replace(/^slug: .*$/m, `slug: ${SLUG}`);
const solution = importScenarioYaml(baseText).content!.solution!;
let instructor = '';
let learner = '';

beforeAll(async () => {
  instructor = await newUser('instructor', users);
  learner = await newUser('learner', users);
});

afterAll(async () => {
  await db.attempt.deleteMany({ where: { scenarioSlug: { in: [SLUG, COPY] } } });
  await db.scenarioProgress.deleteMany({ where: { scenarioSlug: { in: [SLUG, COPY] } } });
  await db.scenario.deleteMany({ where: { slug: { in: [SLUG, COPY] } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

async function editorForm(): Promise<{ form: TAuthorForm; version: number }> {
  as(instructor);
  const r = await call(one.GET, 'GET', { params: { slug: SLUG } });
  expect(r.status).toBe(200);
  return { form: r.json!.form as TAuthorForm, version: r.json!.version as number };
}

test('an unpublished, unused draft is edited in place; a stale editor gets 409', async () => {
  as(instructor);
  expect((await call(list.POST, 'POST', { json: { mode: 'import', yaml: baseText } })).status).toBe(201);
  const { form, version } = await editorForm();
  expect(version).toBe(1);
  const saved = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, title: 'Draft title' }, baseVersion: 1 } });
  expect(saved.json).toMatchObject({ version: 1, outcome: 'updated', ok: true });
  const same = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, title: 'Draft title' }, baseVersion: 1 } });
  expect(same.json).toMatchObject({ version: 1, outcome: 'unchanged' });
  expect((await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form, baseVersion: 7 } })).status).toBe(409);
  expect(await db.scenario.count({ where: { slug: SLUG } })).toBe(1);
});

test('an attempt on v1 still shows v1 after v2 is published; learners see the newest published version', async () => {
  as(instructor);
  expect((await call(publish.POST, 'POST', { params: { slug: SLUG } })).status).toBe(200);

  as(learner);
  const v1 = await call(learnerScenario.GET, 'GET', { params: { slug: SLUG } });
  expect(v1.json).toMatchObject({ version: 1, scenario: { title: 'Draft title' } });
  const attempt = await call(attempts.POST, 'POST', { params: { slug: SLUG }, json: { yaml: solution } });
  expect(attempt.status).toBe(201);
  const attemptId = String(attempt.json!.id);

  // Saving the published version starts v2, unpublished: learners still get v1.
  const { form } = await editorForm();
  const saved = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, title: 'Second edition' }, baseVersion: 1 } });
  expect(saved.json).toMatchObject({ version: 2, outcome: 'new-version' });
  as(learner);
  expect((await call(learnerScenario.GET, 'GET', { params: { slug: SLUG } })).json).toMatchObject({ version: 1, scenario: { title: 'Draft title' } });

  // A second save edits v2 in place (nobody can have used it yet).
  as(instructor);
  const again = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, title: 'Second edition!' }, baseVersion: 2 } });
  expect(again.json).toMatchObject({ version: 2, outcome: 'updated' });

  expect((await call(publish.POST, 'POST', { params: { slug: SLUG } })).json).toEqual({ slug: SLUG, version: 2 });
  as(learner);
  expect((await call(learnerScenario.GET, 'GET', { params: { slug: SLUG } })).json).toMatchObject({ version: 2, scenario: { title: 'Second edition!' } });

  // The attempt is pinned to the v1 row and its content.
  const stored = await findOwnAttempt(learner, attemptId);
  expect(stored).toMatchObject({ scenarioSlug: SLUG, scenarioVersion: 1 });
  const row = await db.scenario.findUniqueOrThrow({ where: { id: stored!.scenarioId } });
  expect(row.version).toBe(1);
  expect((row.content as { title: string }).title).toBe('Draft title');
  const listed = await call(attempts.GET, 'GET', { params: { slug: SLUG } });
  expect((listed.json!.attempts as { id: string; scenarioVersion: number }[]).find((a) => a.id === attemptId)?.scenarioVersion).toBe(1);

  // The editor's version list shows both, with the attempt on v1.
  const editor = await (async () => (as(instructor), call(one.GET, 'GET', { params: { slug: SLUG } })))();
  expect(editor.json!.versions).toEqual([
    expect.objectContaining({ version: 2, published: true, attempts: 0 }),
    expect.objectContaining({ version: 1, published: true, attempts: 1 }),
  ]);
});

test('publishing refuses a scenario that fails the checks', async () => {
  as(instructor);
  const { form } = await editorForm();
  const wrong = form.solution.replace('- Ingress', '- Egress');
  expect(wrong).not.toBe(form.solution);
  const saved = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, solution: wrong } } });
  expect(saved.json).toMatchObject({ version: 3, outcome: 'new-version', ok: false });
  const r = await call(publish.POST, 'POST', { params: { slug: SLUG } });
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.json)).toMatch(/solution fails/);
  as(learner);
  expect((await call(learnerScenario.GET, 'GET', { params: { slug: SLUG } })).json).toMatchObject({ version: 2 });
});

test('a form that does not match the format is not saved', async () => {
  as(instructor);
  const { form } = await editorForm();
  const r = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, expectations: '- from: [' } } });
  expect(r.status).toBe(400);
  expect(await db.scenario.count({ where: { slug: SLUG } })).toBe(3);
});

test('import → export through the API is lossless', async () => {
  as(instructor);
  for (const file of ['default-deny-ingress', 'predict-union', 'egress-ipblock-except', 'fix-named-port']) {
    const text = readFileSync(path.join(__dirname, '../../../content/scenarios', `${file}.yaml`), 'utf8').replace(/^slug: .*$/m, `slug: ${COPY}`);
    expect((await call(list.POST, 'POST', { json: { mode: 'import', yaml: text } })).status).toBe(201);
    const exported = await call(exporter.GET, 'GET', { params: { slug: COPY }, url: 'http://localhost/x' });
    expect(exported.headers.get('content-type')).toMatch(/yaml/);
    expect(canonicalJson(importScenarioYaml(exported.text).content)).toBe(canonicalJson(importScenarioYaml(text).content));
    await db.scenario.deleteMany({ where: { slug: COPY } });
  }
});

test('scenarios seeded from content/ are not edited through the app (their file is the source)', async () => {
  const admin = await newUser('admin', users);
  as(admin);
  const r = await call(one.GET, 'GET', { params: { slug: 'default-deny-ingress' } });
  expect(r.status).toBe(200);
  const put = await call(one.PUT, 'PUT', { params: { slug: 'default-deny-ingress' }, json: { form: { ...(r.json!.form as TAuthorForm), title: 'Hijacked' } } });
  expect(put.status).toBe(403);
  expect((await call(publish.DELETE, 'DELETE', { params: { slug: 'default-deny-ingress' } })).status).toBe(403);
  expect(await db.scenario.count({ where: { slug: 'default-deny-ingress' } })).toBe(1);
});

test('a draft pinned by a drill session is not edited in place', async () => {
  const slug = uniqueSlug('pinned');
  as(instructor);
  expect((await call(list.POST, 'POST', { json: { mode: 'import', yaml: baseText.replace(/^slug: .*$/m, `slug: ${slug}`) } })).status).toBe(201);
  try {
    const row = await db.scenario.findFirstOrThrow({ where: { slug, version: 1 } });
    await db.drillSession.create({
      data: { userId: learner, title: 'Pinned', feedback: 'end', tasks: [{ scenarioId: row.id, slug, version: 1, title: 'x', kind: 'write', difficulty: 1 }], deadline: new Date(Date.now() + 600_000) },
    });
    const r = await call(one.GET, 'GET', { params: { slug } });
    const form = r.json!.form as TAuthorForm;
    const saved = await call(one.PUT, 'PUT', { params: { slug }, json: { form: { ...form, title: 'Changed after the drill started' } } });
    expect(saved.json).toMatchObject({ version: 2, outcome: 'new-version' });
    expect(((await db.scenario.findUniqueOrThrow({ where: { id: row.id } })).content as { title: string }).title).not.toBe('Changed after the drill started');
  } finally {
    await db.drillSession.deleteMany({ where: { userId: learner, title: 'Pinned' } });
    await db.scenario.deleteMany({ where: { slug } });
  }
});
