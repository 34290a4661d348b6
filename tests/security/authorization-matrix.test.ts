/**
 * Authorization over every API route (issue 8, item 4), found on disk so that a new route without a session
 * check fails here: anonymous callers get 401 everywhere except the explicitly public routes; learners get
 * 403 from every author route; one learner's drill session, drafts and attempts are invisible to another
 * (404 or their own empty data). The per-role detail of the author and cohort routes is in
 * tests/integration/author/authorization.test.ts; this file is the catch-all.
 */
import { randomBytes } from 'node:crypto';

const session: { userId: string | null } = { userId: null };
jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => session.userId,
}));
jest.mock('@/lib/editor/markdown', () => ({ renderMarkdown: (s: string) => `<p>${s.length}</p>` }));

import { db } from '@/lib/db/client';
import { listApiRouteFiles, METHODS, routePattern, type THandler } from '../setup/api-routes';

const patternOf = routePattern;
const handlers = listApiRouteFiles()
  .flatMap((file) => {
     
    const mod = require(file) as Partial<Record<string, THandler>>;
    return METHODS.filter((m) => typeof mod[m] === 'function').map((method) => ({ name: `${method} ${patternOf(file)}`, method, pattern: patternOf(file), handler: mod[method]! }));
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** Routes anyone may call: the health probe and account creation. Everything else needs a session. */
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/signup']);

const VALID: Record<string, string> = { slug: 'default-deny-ingress', id: 'clx0000000000000000000000', index: '0' };

async function call(h: (typeof handlers)[number], params: Record<string, string> = {}, json: unknown = {}): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const names = [...h.pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
  const p = Object.fromEntries(names.map((n) => [n, params[n] ?? VALID[n]]));
  const body = h.method === 'GET' || h.method === 'DELETE' ? undefined : JSON.stringify(json);
  const req = new Request(`http://localhost${h.pattern}`, { method: h.method, headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10' }, body });
  const res = await h.handler(req, { params: Promise.resolve(p) });
  const text = await res.text();
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, json: parsed };
}

const created: string[] = [];
async function newUser(role: 'learner' | 'instructor' | 'admin'): Promise<string> {
  const u = await db.user.create({ data: { email: `authz-${role}-${randomBytes(5).toString('hex')}@example.test`, role } });
  created.push(u.id);
  return u.id;
}

afterAll(async () => {
  await db.drillSession.deleteMany({ where: { userId: { in: created } } });
  await db.attempt.deleteMany({ where: { userId: { in: created } } });
  await db.draft.deleteMany({ where: { userId: { in: created } } });
  await db.user.deleteMany({ where: { id: { in: created } } });
  await db.$disconnect();
});

it('finds every route handler', () => {
  expect(handlers.length).toBeGreaterThanOrEqual(30);
  for (const name of PUBLIC) expect(handlers.map((h) => h.name)).toContain(name);
});

describe('anonymous callers get 401 from every non-public route', () => {
  test.each(handlers.filter((h) => !PUBLIC.has(h.name)).map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    session.userId = null;
    const r = await call(h);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('learners get 403 from every author route', () => {
  let learner = '';
  beforeAll(async () => {
    learner = await newUser('learner');
  });
  test.each(handlers.filter((h) => h.pattern.startsWith('/api/author')).map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    session.userId = learner;
    const r = await call(h);
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe("one learner's work is invisible to another", () => {
  let alice = '';
  let bob = '';
  let drillId = '';
  const byName = (name: string) => handlers.find((h) => h.name === name)!;

  beforeAll(async () => {
    alice = await newUser('learner');
    bob = await newUser('learner');
    session.userId = alice;
    const start = await call(byName('POST /api/drills/sessions'), {}, { drill: 'warm-up' });
    expect(start.status).toBe(201);
    drillId = String((start.json as { id?: string; session?: { id: string } }).id ?? (start.json as { session: { id: string } }).session.id);
    expect((await call(byName('PUT /api/scenarios/[slug]/draft'), {}, { yaml: 'alice-draft: 1' })).status).toBe(200);
    expect((await call(byName('POST /api/scenarios/[slug]/attempts'), {}, { yaml: 'alice: 1' })).status).toBe(201);
  });

  test.each(['GET /api/drills/sessions/[id]', 'POST /api/drills/sessions/[id]/finish', 'PUT /api/drills/sessions/[id]/tasks/[index]', 'POST /api/drills/sessions/[id]/tasks/[index]/submit'])(
    "%s on another learner's session is 404",
    async (name) => {
      session.userId = bob;
      const r = await call(byName(name), { id: drillId, index: '0' }, { yaml: 'bob: 1' });
      expect(r.status).toBe(404);
      session.userId = alice;
      expect((await call(byName('GET /api/drills/sessions/[id]'), { id: drillId })).status).toBe(200);
    },
  );

  it("drafts, attempts and progress answer with the caller's own data only", async () => {
    session.userId = bob;
    const draft = await call(byName('GET /api/scenarios/[slug]/draft'));
    expect(draft).toMatchObject({ status: 200, json: { draft: null } });
    const attempts = await call(byName('GET /api/scenarios/[slug]/attempts'));
    expect(attempts).toMatchObject({ status: 200, json: { attempts: [] } });
    const sessions = await call(byName('GET /api/drills/sessions'));
    expect(sessions.status).toBe(200);
    expect(JSON.stringify(sessions.json)).not.toContain(drillId);
    const progress = await call(byName('GET /api/progress'));
    expect(progress.status).toBe(200);
    expect(JSON.stringify(progress.json)).not.toMatch(/alice/);
  });
});
