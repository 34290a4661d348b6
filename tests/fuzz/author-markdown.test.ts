/**
 * Author Markdown that overflows marked's stack (issue 8, item 3) through the real routes, with the real
 * renderer: the live check answers 200 naming the section ("Markdown nested deeper than 20 levels") and shows
 * the text escaped, never a 500; saving a draft with it still works. Only next-auth's session lookup is faked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { as, call, newUser, uniqueSlug } from '../integration/author/helpers';

jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => {
    const { session: s } = jest.requireActual<typeof import('../integration/author/helpers')>('../integration/author/helpers');
    return s.userId;
  },
}));
// marked's package exports only its ESM build, which Jest's CommonJS runtime cannot load; its UMD build in the
// same package is the same code, so the routes render with the real marked.
jest.mock('marked', () => jest.requireActual(`${process.cwd()}/node_modules/marked/lib/marked.umd.js`));

import { db } from '@/lib/db/client';
import { scenarioToForm, type TAuthorForm } from '@/lib/authoring/author-form';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import * as list from '@/app/api/author/scenarios/route';
import * as one from '@/app/api/author/scenarios/[slug]/route';
import * as validate from '@/app/api/author/validate/route';

const users: string[] = [];
const SLUG = uniqueSlug('md-depth');
const baseText = readFileSync(path.join(__dirname, '../../content/scenarios/default-deny-ingress.yaml'), 'utf8').replace(/^slug: .*$/m, `slug: ${SLUG}`);
const form: TAuthorForm = scenarioToForm(importScenarioYaml(baseText).content!);

const HOSTILE: [string, string][] = [
  ['2 KB of `>`', '>'.repeat(2048)],
  ['`- ` × 2000 and a word', `${'- '.repeat(2000)}x`],
  ['`1. ` × 1400', '1. '.repeat(1400)],
  ['`*` × 4096 around a word', `${'*'.repeat(4096)}x${'*'.repeat(4096)}`],
];

type TValidateAnswer = { ok: boolean; sectionErrors: { section: string; message: string; line?: number }[]; taskHtml: string; explanationHtml: string };

beforeAll(async () => {
  as(await newUser('instructor', users));
  const created = await call(list.POST, 'POST', { json: { mode: 'import', yaml: baseText } });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await db.scenario.deleteMany({ where: { slug: SLUG } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

describe('POST /api/author/validate with Markdown nested too deep', () => {
  test.each(HOSTILE)('%s in the task: 200, the section named, the text escaped', async (_name, deep) => {
    const r = await call(validate.POST, 'POST', { json: { ...form, task: `Intro\n\n${deep}\n` } });
    expect(r.status).toBe(200);
    const v = r.json as TValidateAnswer;
    expect(v.ok).toBe(false);
    expect(v.sectionErrors).toEqual([{ section: 'task', message: 'Markdown nested deeper than 20 levels', line: 3 }]);
    expect(v.taskHtml.startsWith('<pre>Intro\n\n')).toBe(true);
    expect(v.taskHtml).not.toMatch(/<(?!\/?pre>)/);
  });

  test('in the explanation and a hint as well', async () => {
    const r = await call(validate.POST, 'POST', { json: { ...form, explanation: '> '.repeat(1200), hints: [`${'- '.repeat(1999)}x`] } });
    expect(r.status).toBe(200);
    const v = r.json as TValidateAnswer;
    expect(v.sectionErrors.map((e) => [e.section, e.message])).toEqual([
      ['explanation', 'Markdown nested deeper than 20 levels'],
      ['hints', 'hint 1: Markdown nested deeper than 20 levels'],
    ]);
    expect(v.explanationHtml.startsWith('<pre>&gt; &gt; ')).toBe(true);
  });

  test('ordinary Markdown still renders through the route', async () => {
    const r = await call(validate.POST, 'POST', { json: { ...form, task: '# Goal\n\n> note\n\n- **deny** all ingress\n' } });
    expect(r.status).toBe(200);
    const v = r.json as TValidateAnswer;
    expect(v.ok).toBe(true);
    expect(v.taskHtml).toContain('<h2>Goal</h2>');
    expect(v.taskHtml).toContain('<strong>deny</strong>');
  });
});

test('PUT /api/author/scenarios/{slug}: a draft with such a task saves (not ok to publish yet), never a 500', async () => {
  const r = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, task: '>'.repeat(2048) } } });
  expect(r.status).toBe(200);
  expect((r.json as { ok: boolean }).ok).toBe(false);
});
