/**
 * The exercise APIs against the real test database (DATABASE_URL from `npm test`): route handlers are called
 * as Next calls them; only the session lookup is replaced (lib/auth/session-cookie reads a request's cookies, which a
 * unit test has no request for), so requireUser, the data layer and the reveal rules run for real.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const session: { userId: string | null } = { userId: null };
jest.mock('@/lib/auth/session-cookie', () => ({
  __esModule: true,
  readSessionUserId: async () => session.userId,
}));

import { db } from '@/lib/db/client';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { POST as attemptsPOST, GET as attemptsGET } from '@/app/api/scenarios/[slug]/attempts/route';
import { PUT as draftPUT, GET as draftGET } from '@/app/api/scenarios/[slug]/draft/route';
import { POST as hintsPOST } from '@/app/api/scenarios/[slug]/hints/route';
import { POST as giveUpPOST } from '@/app/api/scenarios/[slug]/give-up/route';
import { GET as solutionGET } from '@/app/api/scenarios/[slug]/solution/route';
import { GET as learnerGET } from '@/app/api/scenarios/[slug]/route';
import { PUT as prefsPUT, GET as prefsGET } from '@/app/api/me/preferences/route';
import { findOwnAttempt } from '@/lib/db/attempt/find-own-attempt';

const content = loadContent(path.join(__dirname, '..', '..', '..', 'content'));
const base = content.scenarios.find((s) => s.slug === 'default-deny-ingress')?.content as TScenario;
const SLUG = `itest-${randomBytes(4).toString('hex')}`;
const scenario: TScenario = { ...base, slug: SLUG };

// Isolating egress too breaks prod → dev, which must keep working.
const WRONG = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const RIGHT = base.solution as string;

type Handler = (req: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;

function as(userId: string | null) {
  session.userId = userId;
}

async function call(handler: Handler, method: string, opts: { slug?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}) {
  const slug = opts.slug ?? SLUG;
  const headers = new Headers(opts.headers);
  let body: string | undefined = opts.body;
  if (opts.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(opts.json);
  }
  const res = await handler(new Request(`http://localhost/api/scenarios/${slug}`, { method, headers, body }), { params: Promise.resolve({ slug }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function newUser(): Promise<string> {
  const u = await db.user.create({ data: { email: `exercise-${randomBytes(6).toString('hex')}@example.test`, name: 'Exercise Test' } });
  return u.id;
}

let alice: string;
let bob: string;

beforeAll(async () => {
  await db.scenario.create({
    data: { slug: SLUG, version: 1, content: scenario as unknown as object, contentHash: `test-${SLUG}`, published: true, source: 'content' },
  });
  alice = await newUser();
  bob = await newUser();
});

afterAll(async () => {
  await db.attempt.deleteMany({ where: { scenarioSlug: SLUG } });
  await db.draft.deleteMany({ where: { scenarioSlug: SLUG } });
  await db.scenarioProgress.deleteMany({ where: { scenarioSlug: SLUG } });
  await db.scenario.deleteMany({ where: { slug: SLUG } });
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.$disconnect();
});

describe('anonymous callers', () => {
  it('get 401 from every exercise API', async () => {
    as(null);
    const results = await Promise.all([
      call(attemptsPOST, 'POST', { json: { yaml: WRONG } }),
      call(attemptsGET, 'GET'),
      call(draftPUT, 'PUT', { json: { yaml: 'x' } }),
      call(draftGET, 'GET'),
      call(hintsPOST, 'POST'),
      call(giveUpPOST, 'POST'),
      call(solutionGET, 'GET'),
      call(learnerGET, 'GET'),
      call(prefsPUT as unknown as Handler, 'PUT', { json: { vimMode: true } }),
      call(prefsGET as unknown as Handler, 'GET'),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(401));
    expect(await db.attempt.count({ where: { scenarioSlug: SLUG } })).toBe(0);
  });
});

describe('input limits and errors', () => {
  beforeEach(() => as(alice));
  it('refuses a body over 256 KiB with 413', async () => {
    const r = await call(attemptsPOST, 'POST', { json: { yaml: 'a'.repeat(257 * 1024) } });
    expect(r.status).toBe(413);
  });
  it('answers 400 for malformed JSON and a missing yaml field', async () => {
    expect((await call(attemptsPOST, 'POST', { body: '{not json', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const r = await call(attemptsPOST, 'POST', { json: { yml: WRONG } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toMatch(/yaml/);
  });
  it('answers 400 for a bad Idempotency-Key and 404 for an unknown scenario', async () => {
    expect((await call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': 'has space' } })).status).toBe(400);
    expect((await call(attemptsPOST, 'POST', { slug: 'no-such-scenario-xyz', json: { yaml: WRONG } })).status).toBe(404);
  });
});

describe('submitting', () => {
  it('stores a failed attempt and reveals only the failed expectations', async () => {
    as(alice);
    const r = await call(attemptsPOST, 'POST', { json: { yaml: WRONG, startedAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(r.status).toBe(201);
    const body = r.json as { id: string; pass: boolean; revealed: boolean; expectations: unknown; failed: { why: string }[]; score: number; passed: number; total: number; errors: unknown[]; lint: unknown[] };
    expect(body).toMatchObject({ pass: false, revealed: false, expectations: null });
    expect(body.failed.length).toBeGreaterThan(0);
    expect(Array.isArray(body.errors) && Array.isArray(body.lint)).toBe(true);
    const failedWhys = new Set(body.failed.map((f) => f.why));
    for (const e of scenario.expectations.filter((x) => !failedWhys.has(x.why))) expect(r.text).not.toContain(e.why);
    expect(r.text).not.toContain(scenario.explanation.trim().split('\n')[0]);
    const row = await db.attempt.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ userId: alice, scenarioSlug: SLUG, scenarioVersion: 1, yaml: WRONG, passed: false, passedCount: body.passed, total: body.total, hintsUsed: 0, solutionViewed: false });
    expect(row.durationMs).toBeGreaterThanOrEqual(59_000);
    expect(row.durationMs).toBeLessThan(120_000);
  });

  it('returns the first attempt for a repeated Idempotency-Key and stores one row', async () => {
    as(alice);
    const key = `k-${randomBytes(6).toString('hex')}`;
    const first = await call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': key } });
    const again = await call(attemptsPOST, 'POST', { json: { yaml: RIGHT }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json?.id).toBe(first.json?.id);
    expect(again.json?.pass).toBe(false); // the first submission's grade, not a regrade of the retry
    expect(await db.attempt.count({ where: { userId: alice, idempotencyKey: { endsWith: key } } })).toBe(1);
  });

  it('refuses a key reused for another scenario with 409', async () => {
    as(alice);
    const key = `x-${randomBytes(6).toString('hex')}`;
    expect((await call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': key } })).status).toBe(201);
    const other = await call(attemptsPOST, 'POST', { slug: 'default-deny-ingress', json: { yaml: WRONG }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(409);
    expect(await db.attempt.count({ where: { idempotencyKey: { endsWith: key } } })).toBe(1);
  });

  it('stores one attempt for concurrent retries with the same key', async () => {
    as(alice);
    const key = `c-${randomBytes(6).toString('hex')}`;
    const [a, b] = await Promise.all([
      call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': key } }),
      call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': key } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.json?.id).toBe(b.json?.id);
    expect(await db.attempt.count({ where: { idempotencyKey: { endsWith: key } } })).toBe(1);
  });

  it('scopes idempotency keys per user', async () => {
    const key = `shared-${randomBytes(6).toString('hex')}`;
    as(alice);
    const a = await call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': key } });
    as(bob);
    const b = await call(attemptsPOST, 'POST', { json: { yaml: WRONG }, headers: { 'idempotency-key': key } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json?.id).not.toBe(a.json?.id);
  });

  it('reports invalid YAML with its line and scores 0', async () => {
    as(alice);
    const r = await call(attemptsPOST, 'POST', { json: { yaml: 'spec:\n  podSelector: {}\n  ingres: []\n' } });
    expect(r.status).toBe(201);
    const body = r.json as { score: number; errors: { line: number | null; path: string; message: string }[] };
    expect(body.score).toBe(0);
    expect(body.errors.find((e) => e.path === 'spec.ingres')).toMatchObject({ line: 3, message: 'unknown field "spec.ingres"' });
  });
});

describe('reveal rules', () => {
  it('keeps the solution until a pass, then reveals everything', async () => {
    as(alice);
    const early = await call(solutionGET, 'GET');
    expect(early.status).toBe(403);
    expect(early.text).not.toContain(RIGHT.trim().split('\n').pop() as string);

    const pass = await call(attemptsPOST, 'POST', { json: { yaml: RIGHT } });
    expect(pass.status).toBe(201);
    expect(pass.json).toMatchObject({ pass: true, revealed: true, failed: [] });
    expect((pass.json?.expectations as unknown[]).length).toBe(scenario.expectations.length);

    const sol = await call(solutionGET, 'GET');
    expect(sol.status).toBe(200);
    expect(sol.json).toMatchObject({ solution: RIGHT, explanation: scenario.explanation, gaveUp: false });
    const progress = await db.scenarioProgress.findUniqueOrThrow({ where: { userId_scenarioSlug: { userId: alice, scenarioSlug: SLUG } } });
    expect(progress).toMatchObject({ solutionViewed: true, gaveUp: false });

    // Later attempts record that the solution was seen.
    const later = await call(attemptsPOST, 'POST', { json: { yaml: WRONG } });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: later.json?.id as string } })).solutionViewed).toBe(true);
    expect(later.json?.revealed).toBe(true);
  });

  it('reveals the solution on an explicit give-up and records it', async () => {
    const carol = await newUser();
    try {
      as(carol);
      const learner = await call(learnerGET, 'GET');
      expect(learner.status).toBe(200);
      for (const e of scenario.expectations) expect(learner.text).not.toContain(e.why);
      expect(learner.text).not.toContain('"solution"');
      expect(learner.text).not.toContain('"expectations"');

      const g = await call(giveUpPOST, 'POST');
      expect(g.status).toBe(200);
      expect(g.json).toMatchObject({ solution: RIGHT, gaveUp: true });
      expect((g.json?.expectations as unknown[]).length).toBe(scenario.expectations.length);
      const after = await call(attemptsPOST, 'POST', { json: { yaml: WRONG } });
      expect(after.json?.revealed).toBe(true);
      expect((await call(learnerGET, 'GET')).json).toMatchObject({ gaveUp: true, revealed: true, passed: false });
    } finally {
      await db.attempt.deleteMany({ where: { userId: carol } });
      await db.scenarioProgress.deleteMany({ where: { userId: carol } });
      await db.user.delete({ where: { id: carol } });
    }
  });

  it('unlocks hints one at a time, records them, and never past the last', async () => {
    as(bob);
    const total = scenario.hints.length;
    for (let i = 1; i <= total + 1; i++) {
      const r = await call(hintsPOST, 'POST');
      expect(r.status).toBe(200);
      expect(r.json?.hints).toEqual(scenario.hints.slice(0, Math.min(i, total)));
    }
    const learner = await call(learnerGET, 'GET');
    expect((learner.json?.scenario as { hints: string[] }).hints).toEqual(scenario.hints);
    const a = await call(attemptsPOST, 'POST', { json: { yaml: WRONG } });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: a.json?.id as string } })).hintsUsed).toBe(total);
  });

  it('shows a learner only the hints they unlocked', async () => {
    const dave = await newUser();
    try {
      as(dave);
      const before = await call(learnerGET, 'GET');
      for (const h of scenario.hints) expect(before.text).not.toContain(h);
      await call(hintsPOST, 'POST');
      const after = await call(learnerGET, 'GET');
      expect(after.text).toContain(JSON.stringify(scenario.hints[0]).slice(1, -1));
      for (const h of scenario.hints.slice(1)) expect(after.text).not.toContain(JSON.stringify(h).slice(1, -1));
    } finally {
      await db.scenarioProgress.deleteMany({ where: { userId: dave } });
      await db.user.delete({ where: { id: dave } });
    }
  });
});

describe('ownership', () => {
  it('lists only the caller’s attempts and finds only their own', async () => {
    as(alice);
    const mine = (await call(attemptsGET, 'GET')).json?.attempts as { id: string }[];
    as(bob);
    const theirs = (await call(attemptsGET, 'GET')).json?.attempts as { id: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    const mineIds = new Set(mine.map((a) => a.id));
    expect(theirs.some((a) => mineIds.has(a.id))).toBe(false);
    expect(await findOwnAttempt(bob, mine[0].id)).toBeNull();
    expect((await findOwnAttempt(alice, mine[0].id))?.id).toBe(mine[0].id);
  });

  it('leaves drill attempts out of the practice list (their feedback belongs to the drill)', async () => {
    const erin = await newUser();
    try {
      const row = await db.scenario.findFirstOrThrow({ where: { slug: SLUG } });
      const session = await db.drillSession.create({
        data: { userId: erin, title: 'itest drill', feedback: 'end', tasks: [], deadline: new Date(Date.now() + 600_000) },
      });
      const drillAttempt = await db.attempt.create({
        data: { userId: erin, scenarioId: row.id, scenarioSlug: SLUG, scenarioVersion: 1, yaml: WRONG, score: 0.5, passedCount: 1, total: 2, passed: false, results: {}, durationMs: 1, drillSessionId: session.id },
      });
      as(erin);
      const practice = await call(attemptsPOST, 'POST', { json: { yaml: WRONG } });
      const list = (await call(attemptsGET, 'GET')).json?.attempts as { id: string }[];
      expect(list.map((a) => a.id)).toEqual([practice.json?.id]);
      expect(list.map((a) => a.id)).not.toContain(drillAttempt.id);
    } finally {
      await db.attempt.deleteMany({ where: { userId: erin } });
      await db.drillSession.deleteMany({ where: { userId: erin } });
      await db.scenarioProgress.deleteMany({ where: { userId: erin } });
      await db.user.delete({ where: { id: erin } });
    }
  });

  it('keeps drafts per user', async () => {
    as(alice);
    expect((await call(draftPUT, 'PUT', { json: { yaml: 'alice: draft\n' } })).status).toBe(200);
    expect((await call(draftPUT, 'PUT', { json: { yaml: 'alice: draft v2\n' } })).status).toBe(200);
    expect((await call(draftGET, 'GET')).json).toMatchObject({ draft: { yaml: 'alice: draft v2\n' } });
    as(bob);
    expect((await call(draftGET, 'GET')).json).toEqual({ draft: null });
  });
});

describe('preferences', () => {
  it('remembers vim mode per user', async () => {
    as(alice);
    expect((await call(prefsPUT as unknown as Handler, 'PUT', { json: { vimMode: true } })).json).toEqual({ vimMode: true });
    expect((await call(prefsGET as unknown as Handler, 'GET')).json).toEqual({ vimMode: true });
    as(bob);
    expect((await call(prefsGET as unknown as Handler, 'GET')).json).toEqual({ vimMode: false });
    expect((await call(prefsPUT as unknown as Handler, 'PUT', { json: { vimMode: 'yes' } })).status).toBe(400);
  });
});
