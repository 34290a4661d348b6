/**
 * Hostile requests against every API route handler (issue 8, item 3), on the real test database: every
 * route.ts under app/api is found on disk and each exported method is called as anonymous, a learner and an
 * admin with hostile params (overlong, traversal, unicode, garbage ids) and bodies (malformed JSON, wrong
 * types, deep nesting, over the size limits, alias bombs, random JSON from fast-check, mutated YAML). No
 * answer may be a 500 or hang; every error is JSON `{error: {code, message}}` without a stack trace. Only the
 * session lookup is faked. next-auth's own catch-all route is covered by tests/security/rate-limit.test.ts.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';

// Hammering one account would hit the submission limit (429) and hide what lies behind it.
process.env.RATE_LIMIT_MULTIPLIER = '100000';

const session: { userId: string | null } = { userId: null };
jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => session.userId,
}));
// marked ships ESM only, which Jest's CommonJS runtime cannot load; the sanitizer has its own browser test.
jest.mock('@/lib/editor/markdown', () => ({ renderMarkdown: (s: string) => `<p>${s.length}</p>` }));

import { db } from '@/lib/db/client';
import { listApiRouteFiles, METHODS, routePattern, type THandler } from '../setup/api-routes';
import { limitAttacks, loadCorpus, mutatedCorpusArb } from './hostile';

const patternOf = routePattern;
const routes = listApiRouteFiles()
  .map((file) => ({ pattern: patternOf(file), file }))
  .sort((a, b) => a.pattern.localeCompare(b.pattern));

// Well-formed values per dynamic segment (a seeded scenario; a cuid-shaped id nobody owns; the first task).
const VALID: Record<string, string> = { slug: 'default-deny-ingress', id: 'clx0000000000000000000000', index: '0' };
const HOSTILE_PARAMS = ['VALID', 'x'.repeat(5000), '../../../etc/passwd', '%00', 'a b', 'Ünïcødé', '-1', '99999999999999999999', '__proto__', 'constructor', "'; DROP TABLE \"User\"; --", ''];

const yamlAttacks = limitAttacks().filter((a) => a.text.length < 200 * 1024);
const big = 'a'.repeat(300 * 1024);
/** Raw request bodies; JSON ones are mostly shaped like our APIs' inputs with hostile values. */
const HOSTILE_BODIES: { name: string; body: string | null; type?: string }[] = [
  { name: 'no body', body: null },
  { name: 'empty', body: '' },
  { name: 'malformed JSON', body: '{"yaml": ' },
  { name: 'JSON null', body: 'null' },
  { name: 'JSON array', body: '[1,2,3]' },
  { name: 'JSON string', body: '"yaml"' },
  { name: 'wrong types', body: JSON.stringify({ yaml: 42, startedAt: 'yesterday', flagged: 'yes', elapsedMs: -5, code: [], name: {}, form: 'x', mode: 'nope', email: 7, password: null }) },
  { name: 'prototype pollution', body: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"role": "admin"}}, "yaml": "a: 1"}' },
  { name: 'deep JSON nesting', body: '{"yaml":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}' },
  { name: 'body over 300 KiB', body: JSON.stringify({ yaml: big, name: big, form: { task: big } }) },
  { name: 'form-encoded instead of JSON', body: 'yaml=a%3A%201&email=x', type: 'application/x-www-form-urlencoded' },
  { name: 'NUL in every string', body: JSON.stringify({ email: `nul-${randomBytes(3).toString('hex')}@example.test`, password: 'Correct-Horse-42', name: 'a\u0000b', yaml: 'a: "\u0000"', code: 'AB\u0000CD', form: { title: '\u0000' } }) },
  { name: 'invalid UTF-8 / control characters', body: '{"yaml": "\u0000\ud800\u001b[2J", "name": "\u202e"}' },
  ...yamlAttacks.map((a) => ({ name: `yaml: ${a.name}`, body: JSON.stringify({ yaml: a.text, startedAt: new Date().toISOString(), form: { solution: a.text }, text: a.text, code: a.text }) })),
];

const users: Record<'learner' | 'admin', string> = { learner: '', admin: '' };
const created: string[] = [];

beforeAll(async () => {
  for (const role of ['learner', 'admin'] as const) {
    const u = await db.user.create({ data: { email: `hostile-${role}-${randomBytes(5).toString('hex')}@example.test`, role } });
    users[role] = u.id;
    created.push(u.id);
  }
});

afterAll(async () => {
  await db.attempt.deleteMany({ where: { userId: { in: created } } });
  await db.cohort.deleteMany({ where: { instructorId: { in: created } } });
  await db.scenario.deleteMany({ where: { authorId: { in: created } } });
  await db.user.deleteMany({ where: { id: { in: created } } });
  await db.$disconnect();
});

type TAnswer = { status: number; text: string };

async function call(handler: THandler, method: string, pattern: string, param: string, body: string | null, type = 'application/json'): Promise<TAnswer> {
  const names = [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
  const params = Object.fromEntries(names.map((n) => [n, param === 'VALID' ? (VALID[n] ?? 'x') : param]));
  const headers = new Headers({ 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250) + 1}` });
  if (body !== null) headers.set('content-type', type);
  const url = `http://localhost${pattern.replace(/\[(\w+)\]/g, (_m, n: string) => encodeURIComponent(params[n]))}?q=${encodeURIComponent(param)}`;
  const req = new Request(url, { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : body ?? undefined });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, text: await res.text() };
}

function expectClearAnswer(where: string, a: TAnswer): void {
  const summary = `${where} → ${a.status} ${a.text.slice(0, 300)}`;
  expect([summary, a.status < 500]).toEqual([summary, true]);
  expect([summary, /\n\s+at |node_modules|prisma\.|Invalid `|PrismaClient/.test(a.text)]).toEqual([summary, false]);
  if (a.status >= 400) {
    const body = JSON.parse(a.text) as { error?: { code?: unknown; message?: unknown } };
    expect([summary, typeof body.error?.code, typeof body.error?.message]).toEqual([summary, 'string', 'string']);
    expect((body.error!.message as string).length).toBeGreaterThan(0);
  }
}

it('finds the API routes on disk', () => {
  expect(routes.length).toBeGreaterThanOrEqual(20);
});

describe.each(routes)('$pattern', ({ pattern, file }) => {
   
  const mod = require(file) as Partial<Record<(typeof METHODS)[number], THandler>>;
  const methods = METHODS.filter((m) => typeof mod[m] === 'function');

  test.each(methods)('%s: hostile params and bodies, as anonymous, learner and admin', async (method) => {
    const handler = mod[method]!;
    for (const who of [null, users.learner, users.admin]) {
      session.userId = who;
      for (const param of HOSTILE_PARAMS) expectClearAnswer(`${method} ${pattern} param=${param.slice(0, 30)} as ${who ? 'user' : 'anonymous'}`, await call(handler, method, pattern, param, '{}'));
      if (method === 'GET' || method === 'DELETE') continue;
      for (const b of HOSTILE_BODIES) expectClearAnswer(`${method} ${pattern} body=${b.name} as ${who ? 'user' : 'anonymous'}`, await call(handler, method, pattern, 'VALID', b.body, b.type));
    }
  });

});

// Routes that read a body, found in their source: each body read goes through a size-capped reader.
const BODY_READERS = /readJsonBody|readAuthorBody|MAX_BODY_BYTES/;
const UNBOUNDED_READS = /\b(req|request)\.(json|formData|arrayBuffer|blob)\(\)/;
const readers = routes.filter(({ file }) => BODY_READERS.test(fs.readFileSync(file, 'utf8')));

describe('body size limits', () => {
  it('no route reads a body without a size cap', () => {
    const unbounded = routes.filter(({ file }) => UNBOUNDED_READS.test(fs.readFileSync(file, 'utf8'))).map((r) => r.pattern);
    expect(unbounded).toEqual([]);
    expect(readers.length).toBeGreaterThanOrEqual(10);
  });

  const cases = readers.flatMap(({ pattern, file }) => {
     
    const mod = require(file) as Partial<Record<string, THandler>>;
    return (['POST', 'PUT', 'PATCH'] as const).filter((m) => typeof mod[m] === 'function').map((method) => ({ name: `${method} ${pattern}`, pattern, method, handler: mod[method]! }));
  });
  test.each(cases)('$name: a 1 MiB body is refused with 413', async ({ pattern, method, handler }) => {
    session.userId = users.admin;
    const a = await call(handler, method, pattern, 'VALID', JSON.stringify({ yaml: 'a'.repeat(1024 * 1024) }));
    expect(a.status).toBe(413);
    expect(JSON.parse(a.text).error.message).toMatch(/request body is larger than \d+ KiB/);
  });
});

describe('fast-check: random JSON and mutated YAML as signed-in users', () => {
  const corpus = loadCorpus();
  const writeRoutes = routes.flatMap(({ pattern, file }) => {
     
    const mod = require(file) as Partial<Record<string, THandler>>;
    return (['POST', 'PUT'] as const).filter((m) => typeof mod[m] === 'function').map((m) => ({ pattern, method: m, handler: mod[m]! }));
  });
  const bodyArb = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.record({ yaml: mutatedCorpusArb(corpus), startedAt: fc.oneof(fc.constant(undefined), fc.string()) }).map((o) => JSON.stringify(o)),
    fc.record({ yaml: fc.string({ maxLength: 200 }), flagged: fc.anything(), elapsedMs: fc.anything() }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  );

  it('never a 500 and always a clear error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writeRoutes), bodyArb, fc.constantFrom('learner', 'admin'), async (r, body, role) => {
        session.userId = users[role as 'learner' | 'admin'];
        expectClearAnswer(`${r.method} ${r.pattern} body=${body.slice(0, 80)}`, await call(r.handler, r.method, r.pattern, 'VALID', body));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
