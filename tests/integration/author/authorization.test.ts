/**
 * Authorization matrix: anonymous, learner, other learner, instructor (owner), other instructor, admin ×
 * every author and cohort route, against the real test database. Only next-auth's session lookup is faked.
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

// marked ships ESM only, which Jest's CommonJS runtime cannot load; rendering is not under test here.
jest.mock('@/lib/editor/markdown', () => ({ renderMarkdown: (s: string) => `<p>${s}</p>` }));

import { db } from '@/lib/db/client';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import * as list from '@/app/api/author/scenarios/route';
import * as one from '@/app/api/author/scenarios/[slug]/route';
import * as publish from '@/app/api/author/scenarios/[slug]/publish/route';
import * as exporter from '@/app/api/author/scenarios/[slug]/export/route';
import * as validate from '@/app/api/author/validate/route';
import * as cohorts from '@/app/api/cohorts/route';
import * as join from '@/app/api/cohorts/join/route';
import * as cohort from '@/app/api/cohorts/[id]/route';
import * as learnerScenario from '@/app/api/scenarios/[slug]/route';
import * as preview from '@/app/api/author/scenarios/[slug]/preview/route';
import * as previewAttempts from '@/app/api/author/scenarios/[slug]/preview/attempts/route';
import * as previewHints from '@/app/api/author/scenarios/[slug]/preview/hints/route';
import * as previewGiveUp from '@/app/api/author/scenarios/[slug]/preview/give-up/route';
import * as previewSolution from '@/app/api/author/scenarios/[slug]/preview/solution/route';
import * as previewDraft from '@/app/api/author/scenarios/[slug]/preview/draft/route';

type TRoleName = 'anonymous' | 'learner' | 'otherLearner' | 'instructor' | 'otherInstructor' | 'admin';
const ROLES: TRoleName[] = ['anonymous', 'learner', 'otherLearner', 'instructor', 'otherInstructor', 'admin'];

const users: string[] = [];
const ids = {} as Record<TRoleName, string | null>;
const baseText = readFileSync(path.join(__dirname, '../../../content/scenarios/default-deny-ingress.yaml'), 'utf8');
const SLUG = uniqueSlug('authz');
const slugs: string[] = [SLUG];
let cohortId = '';
let cohortCode = '';

beforeAll(async () => {
  ids.anonymous = null;
  ids.learner = await newUser('learner', users);
  ids.otherLearner = await newUser('learner', users);
  ids.instructor = await newUser('instructor', users);
  ids.otherInstructor = await newUser('instructor', users);
  ids.admin = await newUser('admin', users);
  as(ids.instructor);
  const created = await call(list.POST, 'POST', { json: { mode: 'import', yaml: baseText.replace(/^slug: .*$/m, `slug: ${SLUG}`) } });
  expect(created.status).toBe(201);
  const c = await call(cohorts.POST, 'POST', { json: { name: 'Authz cohort' } });
  expect(c.status).toBe(201);
  cohortId = String(c.json!.id);
  cohortCode = String(c.json!.code);
  as(ids.learner);
  expect((await call(join.POST, 'POST', { json: { code: cohortCode } })).status).toBe(200);
});

afterAll(async () => {
  await db.cohort.deleteMany({ where: { instructorId: { in: users } } });
  await db.attempt.deleteMany({ where: { scenarioSlug: { in: slugs } } });
  await db.scenario.deleteMany({ where: { slug: { in: slugs } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

function form(title: string) {
  const f = scenarioToForm(importScenarioYaml(baseText.replace(/^slug: .*$/m, `slug: ${SLUG}`)).content!);
  return { ...f, title };
}

// Expected status per role. Learners get 403 (wrong role); other instructors 404 (someone else's
// scenario or cohort is indistinguishable from a missing one).
type TCase = { name: string; run: (role: TRoleName) => Promise<{ status: number }>; expect: Record<TRoleName, number> };
const OWNED = { anonymous: 401, learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 404, admin: 200 };
const AUTHOR_ONLY = { anonymous: 401, learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 200, admin: 200 };

const cases: TCase[] = [
  { name: 'GET /api/author/scenarios', run: () => call(list.GET, 'GET'), expect: AUTHOR_ONLY },
  {
    name: 'POST /api/author/scenarios (new)',
    run: (role) => {
      const slug = uniqueSlug(`new-${role.toLowerCase()}`);
      slugs.push(slug);
      return call(list.POST, 'POST', { json: { mode: 'new', slug, title: 'New one' } });
    },
    expect: { ...AUTHOR_ONLY, instructor: 201, otherInstructor: 201, admin: 201 },
  },
  {
    name: 'POST /api/author/scenarios (clone)',
    run: (role) => {
      const slug = uniqueSlug(`clone-${role.toLowerCase()}`);
      slugs.push(slug);
      return call(list.POST, 'POST', { json: { mode: 'clone', from: 'default-deny-ingress', slug } });
    },
    expect: { ...AUTHOR_ONLY, instructor: 201, otherInstructor: 201, admin: 201 },
  },
  { name: 'GET /api/author/scenarios/{slug}', run: () => call(one.GET, 'GET', { params: { slug: SLUG } }), expect: OWNED },
  { name: 'PUT /api/author/scenarios/{slug}', run: (role) => call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: form(`Edited by ${role}`) } }), expect: OWNED },
  { name: 'GET /api/author/scenarios/{slug}/export', run: () => call(exporter.GET, 'GET', { params: { slug: SLUG }, url: 'http://localhost/x' }), expect: OWNED },
  { name: 'POST /api/author/scenarios/{slug}/publish', run: () => call(publish.POST, 'POST', { params: { slug: SLUG } }), expect: OWNED },
  { name: 'DELETE /api/author/scenarios/{slug}/publish', run: () => call(publish.DELETE, 'DELETE', { params: { slug: SLUG } }), expect: OWNED },
  { name: 'POST …/{slug}/preview/attempts', run: () => call(previewAttempts.POST, 'POST', { params: { slug: SLUG }, json: { yaml: '' } }), expect: { ...OWNED, instructor: 201, admin: 201 } },
  { name: 'POST …/{slug}/preview/hints', run: () => call(previewHints.POST, 'POST', { params: { slug: SLUG } }), expect: OWNED },
  { name: 'POST …/{slug}/preview/give-up', run: () => call(previewGiveUp.POST, 'POST', { params: { slug: SLUG } }), expect: OWNED },
  {
    name: 'GET …/{slug}/preview/solution (after a preview give-up)',
    run: () => call(previewSolution.GET, 'GET', { params: { slug: SLUG }, headers: { cookie: `np-preview-${SLUG}=0.0.1.1` } }),
    expect: OWNED,
  },
  { name: 'PUT …/{slug}/preview/draft', run: () => call(previewDraft.PUT, 'PUT', { params: { slug: SLUG }, json: { yaml: '' } }), expect: { ...OWNED, instructor: 204, admin: 204 } },
  { name: 'DELETE …/{slug}/preview', run: () => call(preview.DELETE, 'DELETE', { params: { slug: SLUG } }), expect: { ...OWNED, instructor: 204, admin: 204 } },
  { name: 'POST /api/author/validate', run: () => call(validate.POST, 'POST', { json: form('Validate me') }), expect: AUTHOR_ONLY },
  { name: 'GET /api/cohorts', run: () => call(cohorts.GET, 'GET'), expect: { ...AUTHOR_ONLY, learner: 200, otherLearner: 200 } },
  { name: 'POST /api/cohorts', run: () => call(cohorts.POST, 'POST', { json: { name: 'Another' } }), expect: { ...AUTHOR_ONLY, instructor: 201, otherInstructor: 201, admin: 201 } },
  { name: 'POST /api/cohorts/join', run: () => call(join.POST, 'POST', { json: { code: cohortCode } }), expect: { anonymous: 401, learner: 200, otherLearner: 200, instructor: 200, otherInstructor: 200, admin: 200 } },
  { name: 'GET /api/cohorts/{id}', run: () => call(cohort.GET, 'GET', { params: { id: cohortId } }), expect: OWNED },
];

describe.each(cases)('$name', (c) => {
  test.each(ROLES)('%s', async (role) => {
    as(ids[role]);
    const r = await c.run(role);
    expect(r.status).toBe(c.expect[role]);
  });
});

describe('what each role sees', () => {
  test('the scenario list holds only the caller’s own scenarios (admins: all)', async () => {
    as(ids.instructor);
    const own = (await call(list.GET, 'GET')).json!.scenarios as { slug: string }[];
    expect(own.map((s) => s.slug)).toContain(SLUG);
    as(ids.otherInstructor);
    const other = (await call(list.GET, 'GET')).json!.scenarios as { slug: string }[];
    expect(other.map((s) => s.slug)).not.toContain(SLUG);
    as(ids.admin);
    expect(((await call(list.GET, 'GET')).json!.scenarios as { slug: string }[]).map((s) => s.slug)).toContain(SLUG);
  });

  test('a draft is invisible to learners through the learner API, and cloning it is refused to others', async () => {
    as(ids.instructor);
    await call(publish.DELETE, 'DELETE', { params: { slug: SLUG } });
    for (const role of ['learner', 'otherInstructor', 'instructor'] as const) {
      as(ids[role]);
      expect((await call(learnerScenario.GET, 'GET', { params: { slug: SLUG } })).status).toBe(404);
    }
    as(ids.otherInstructor);
    const slug = uniqueSlug('steal');
    slugs.push(slug);
    expect((await call(list.POST, 'POST', { json: { mode: 'clone', from: SLUG, slug } })).status).toBe(404);
  });

  test('a learner sees the names of their cohorts only, never a member list or a report', async () => {
    as(ids.learner);
    const r = await call(cohorts.GET, 'GET');
    expect(r.json).toEqual({ memberOf: [expect.objectContaining({ cohortId, name: 'Authz cohort' })], teaching: [] });
    expect(r.text).not.toContain(cohortCode);
    as(ids.otherLearner);
    expect(((await call(cohorts.GET, 'GET')).json!.memberOf as unknown[]).length).toBe(1);
  });

  test('the cohort report is its instructor’s: members listed, other cohorts not', async () => {
    as(ids.instructor);
    const r = await call(cohort.GET, 'GET', { params: { id: cohortId } });
    const names = (r.json!.learners as { userId: string }[]).map((l) => l.userId);
    expect(names).toEqual(expect.arrayContaining([ids.learner]));
    const teaching = (await call(cohorts.GET, 'GET')).json!.teaching as { id: string }[];
    expect(teaching.map((t) => t.id)).toContain(cohortId);
    as(ids.otherInstructor);
    expect(((await call(cohorts.GET, 'GET')).json!.teaching as { id: string }[]).map((t) => t.id)).not.toContain(cohortId);
  });
});
