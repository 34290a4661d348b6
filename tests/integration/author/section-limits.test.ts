/**
 * Per-section caps of the author form through the real routes (issue 8, hostile input): a 210 KB YAML section
 * is refused with a 4xx naming the section and its size against the cap, before any YAML work, on the live
 * check, on save and on import. Only next-auth's session lookup is faked.
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
import { scenarioToForm, type TAuthorForm } from '@/lib/authoring/author-form';
import { importScenarioYaml } from '@/lib/authoring/scenario-yaml';
import * as list from '@/app/api/author/scenarios/route';
import * as one from '@/app/api/author/scenarios/[slug]/route';
import * as validate from '@/app/api/author/validate/route';

const users: string[] = [];
const SLUG = uniqueSlug('caps');
const IMPORTED = uniqueSlug('caps-import');
const baseText = readFileSync(path.join(__dirname, '../../../content/scenarios/default-deny-ingress.yaml'), 'utf8').replace(/^slug: .*$/m, `slug: ${SLUG}`);
const form: TAuthorForm = scenarioToForm(importScenarioYaml(baseText).content!);

// 210 KB of pod labels: valid YAML that the old unique-key scan took seconds over.
const labels = Array.from({ length: 11_000 }, (_, i) => `      k${i}: v${i}`).join('\n');
const hugeCluster = `${form.cluster.trimEnd()}\n  - namespace: ${form.namespace}\n    name: bulky\n    labels:\n${labels}\n`;
const hugeBytes = Buffer.byteLength(hugeCluster);
const expectedMessage = `too long: ${hugeBytes} bytes (${Math.ceil((hugeBytes / 1024) * 10) / 10} KiB), must have at most 65536 bytes (64 KiB)`;

beforeAll(async () => {
  as(await newUser('instructor', users));
  const created = await call(list.POST, 'POST', { json: { mode: 'import', yaml: baseText } });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await db.scenario.deleteMany({ where: { slug: { in: [SLUG, IMPORTED] } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

describe('author section caps through the routes', () => {
  test('the oversized section is about 210 KB and fits the 768 KiB body cap', () => {
    expect(hugeBytes).toBeGreaterThan(200_000);
    expect(hugeBytes).toBeLessThan(256 * 1024);
  });

  test('POST /api/author/validate: 400 naming the section, its size and the cap', async () => {
    const r = await call(validate.POST, 'POST', { json: { ...form, cluster: hugeCluster } });
    expect(r.status).toBe(400);
    const error = r.json!.error as { code: string; message: string; fields: { path: string; message: string }[] };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields).toEqual([{ path: 'cluster', message: expectedMessage }]);
    expect(error.message).toBe(`invalid request: cluster: ${expectedMessage}`);
  });

  test('PUT /api/author/scenarios/{slug}: refused the same way, nothing saved', async () => {
    const r = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, existingPolicies: hugeCluster } } });
    expect(r.status).toBe(400);
    expect(r.json!.error).toMatchObject({ code: 'BAD_REQUEST', message: `invalid request: form.existingPolicies: ${expectedMessage}` });
    const stored = await db.scenario.findMany({ where: { slug: SLUG }, select: { version: true } });
    expect(stored.map((s) => s.version)).toEqual([1]);
  });

  test('the same form under the caps still validates and saves', async () => {
    const v = await call(validate.POST, 'POST', { json: form });
    expect([v.status, (v.json as { ok: boolean }).ok]).toEqual([200, true]);
    const saved = await call(one.PUT, 'PUT', { params: { slug: SLUG }, json: { form: { ...form, task: `${form.task}More.\n` } } });
    expect(saved.status).toBe(200);
  });

  test('import: a file with an 11 000-key mapping is refused with its line before the unique-key scan', async () => {
    const yaml = baseText.replace(/^slug: .*$/m, `slug: ${IMPORTED}`).replace(/^cluster:\n/m, `cluster:\n  bulky:\n${labels.replace(/^ {6}/gm, '    ')}\n`);
    const r = await call(list.POST, 'POST', { json: { mode: 'import', yaml } });
    expect(r.status).toBe(400);
    expect((r.json!.error as { message: string }).message).toMatch(/^the file is not a valid scenario: yaml: too many keys: a mapping has 11000 keys, must have at most 256$/);
  });

  test('import: a file whose section would not fit the editor is refused with the editor`s message', async () => {
    const expectations = importScenarioYaml(baseText).content!.expectations;
    const many = Array.from({ length: 350 }, (_, i) => ({ ...expectations[0], port: 1000 + i, why: `${expectations[0].why} (copy ${i}: ${'padding '.repeat(20)})` }));
    const yaml = baseText.replace(/^slug: .*$/m, `slug: ${IMPORTED}`).replace(/^expectations:\n(?:[ -].*\n)+/m, `expectations: ${JSON.stringify(many)}\n`);
    const r = await call(list.POST, 'POST', { json: { mode: 'import', yaml } });
    expect(r.status).toBe(400);
    expect((r.json!.error as { message: string }).message).toMatch(/^the file is not a valid scenario: expectations: too long: \d+ bytes \(.* KiB\), must have at most 65536 bytes \(64 KiB\)$/);
    expect(await db.scenario.count({ where: { slug: IMPORTED } })).toBe(0);
  });
});
