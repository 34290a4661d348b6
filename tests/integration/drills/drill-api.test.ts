/**
 * The drill API's server rules against the real test database (DATABASE_URL from `npm test`): route handlers are
 * called as Next calls them; only next-auth's session lookup is replaced (it reads cookies a unit test has no
 * request for), so requireUser, the data layer, grading and the database locks run for real.
 * Deadlines are moved by updating the session row: the API has no way to shorten a drill.
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
import { POST as createPOST, GET as listGET } from '@/app/api/drills/sessions/route';
import { GET as sessionGET } from '@/app/api/drills/sessions/[id]/route';
import { PUT as taskPUT } from '@/app/api/drills/sessions/[id]/tasks/[index]/route';
import { POST as submitPOST } from '@/app/api/drills/sessions/[id]/tasks/[index]/submit/route';
import { POST as finishPOST } from '@/app/api/drills/sessions/[id]/finish/route';

const content = loadContent(path.join(__dirname, '..', '..', '..', 'content'));
const byslug = (slug: string) => content.scenarios.find((s) => s.slug === slug)?.content as TScenario;
const TAG = randomBytes(4).toString('hex');
const EASY = { ...byslug('default-deny-ingress'), slug: `dtest-easy-${TAG}` }; // difficulty 1
const MEDIUM = { ...byslug('allow-from-namespace'), slug: `dtest-medium-${TAG}` }; // difficulty 2
const RIGHT_EASY = EASY.solution as string;
const RIGHT_MEDIUM = MEDIUM.solution as string;
const WRONG_EASY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';

type TCtx = { params: Promise<Record<string, string>> };
type THandler = (req: Request, ctx: TCtx) => Promise<Response>;
type TResult = { status: number; text: string; json: Record<string, unknown> | null };

function as(userId: string | null) {
  session.userId = userId;
}

async function call(handler: unknown, method: string, params: Record<string, string> = {}, json?: unknown): Promise<TResult> {
  const headers = new Headers();
  let body: string | undefined;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  const res = await (handler as THandler)(new Request('http://localhost/api/drills/sessions', { method, headers, body }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function newUser(): Promise<string> {
  const u = await db.user.create({ data: { email: `drill-${randomBytes(6).toString('hex')}@example.test`, name: 'Drill Test' } });
  return u.id;
}

async function start(body: unknown = { scenarios: [EASY.slug, MEDIUM.slug], minutes: 10, feedback: 'end' }): Promise<string> {
  const r = await call(createPOST, 'POST', {}, body);
  expect(r.status).toBe(201);
  return r.json?.id as string;
}

const save = (id: string, index: number, body: unknown) => call(taskPUT, 'PUT', { id, index: String(index) }, body);
const get = (id: string) => call(sessionGET, 'GET', { id });
const finish = (id: string) => call(finishPOST, 'POST', { id });

// Time travel: shifts a session's whole timeline (start, deadline, saved drafts) `seconds` into the past, as if
// that much time had passed; with seconds past the deadline, its time has run out.
async function travel(id: string, seconds: number) {
  const s = await db.drillSession.findUniqueOrThrow({ where: { id } });
  const ms = seconds * 1000;
  await db.drillSession.update({ where: { id }, data: { startedAt: new Date(s.startedAt.getTime() - ms), deadline: new Date(s.deadline.getTime() - ms) } });
  for (const d of await db.drillTaskDraft.findMany({ where: { sessionId: id } })) {
    await db.drillTaskDraft.update({ where: { sessionId_index: { sessionId: id, index: d.index } }, data: { savedAt: new Date(d.savedAt.getTime() - ms) } });
  }
}

// Runs out a session's time: its deadline passed one second ago.
async function expire(id: string) {
  const s = await db.drillSession.findUniqueOrThrow({ where: { id } });
  await travel(id, (Date.now() - s.deadline.getTime()) / -1000 + 1);
}

// Pretends the session started `seconds` earlier (same deadline), so time spent and save times have room.
async function age(id: string, seconds: number) {
  const s = await db.drillSession.findUniqueOrThrow({ where: { id } });
  await db.drillSession.update({ where: { id }, data: { startedAt: new Date(s.startedAt.getTime() - seconds * 1000) } });
}

let alice: string;
let bob: string;
const users: string[] = [];

beforeAll(async () => {
  for (const s of [EASY, MEDIUM]) {
    await db.scenario.create({ data: { slug: s.slug, version: 1, content: s as unknown as object, contentHash: `test-${s.slug}`, published: true, source: 'content' } });
  }
  alice = await newUser();
  bob = await newUser();
  users.push(alice, bob);
});

afterAll(async () => {
  await db.drillSession.deleteMany({ where: { userId: { in: users } } });
  await db.attempt.deleteMany({ where: { userId: { in: users } } });
  await db.scenario.deleteMany({ where: { slug: { in: [EASY.slug, MEDIUM.slug] } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

describe('access', () => {
  it('answers 401 to anonymous callers on every drill API', async () => {
    as(alice);
    const id = await start();
    as(null);
    const results = await Promise.all([
      call(createPOST, 'POST', {}, { drill: 'warm-up' }),
      call(listGET, 'GET'),
      get(id),
      save(id, 0, { yaml: 'x' }),
      call(submitPOST, 'POST', { id, index: '0' }, { yaml: 'x' }),
      finish(id),
    ]);
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it("answers 404 to another user's reads and writes, and leaves the session untouched", async () => {
    as(alice);
    const id = await start();
    expect((await save(id, 0, { yaml: RIGHT_EASY })).status).toBe(200);
    as(bob);
    const results = await Promise.all([get(id), save(id, 0, { yaml: 'stolen' }), call(submitPOST, 'POST', { id, index: '0' }, { yaml: 'x' }), finish(id)]);
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    for (const r of results) expect(r.text).not.toContain(RIGHT_EASY.split('\n')[3]);
    const row = await db.drillSession.findUniqueOrThrow({ where: { id } });
    expect(row.finishedAt).toBeNull();
    expect((await db.drillTaskDraft.findUniqueOrThrow({ where: { sessionId_index: { sessionId: id, index: 0 } } })).yaml).toBe(RIGHT_EASY);
  });

  it('answers 404 for unknown sessions and task indexes', async () => {
    as(alice);
    const id = await start();
    expect((await get('nosuchsession00000000')).status).toBe(404);
    expect((await get('../etc')).status).toBe(404);
    expect((await save(id, 2, { yaml: 'x' })).status).toBe(404);
    expect((await call(taskPUT, 'PUT', { id, index: '-1' }, { yaml: 'x' })).status).toBe(404);
  });
});

describe('starting', () => {
  it('freezes the task list to the published versions and sets the deadline on the server clock', async () => {
    as(alice);
    const before = Date.now();
    const r = await call(createPOST, 'POST', {}, { scenarios: [MEDIUM.slug, EASY.slug], minutes: 1.5, feedback: 'immediate' });
    expect(r.status).toBe(201);
    const body = r.json as { id: string; deadline: string; tasks: unknown[] };
    expect(body.tasks).toEqual([
      { index: 0, scenario: MEDIUM.slug, title: MEDIUM.title },
      { index: 1, scenario: EASY.slug, title: EASY.title },
    ]);
    const deadline = Date.parse(body.deadline);
    expect(deadline).toBeGreaterThanOrEqual(before + 90_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 90_000);

    // A new published version later does not change a running session: it keeps grading against version 1.
    await db.scenario.create({ data: { slug: EASY.slug, version: 2, content: { ...EASY, title: 'Changed title' } as unknown as object, contentHash: `v2-${EASY.slug}`, published: true } });
    const view = (await get(body.id)).json as { tasks: { scenario: string; version: number; title: string }[] };
    expect(view.tasks[1]).toMatchObject({ scenario: EASY.slug, version: 1, title: EASY.title });
    await db.scenario.deleteMany({ where: { slug: EASY.slug, version: 2 } });
  });

  it('starts a catalog drill from content/drills', async () => {
    as(alice);
    const r = await call(createPOST, 'POST', {}, { drill: 'warm-up' });
    expect(r.status).toBe(201);
    expect((r.json?.tasks as { scenario: string }[]).map((t) => t.scenario)).toEqual(['default-deny-ingress', 'allow-from-namespace']);
    const row = await db.drillSession.findUniqueOrThrow({ where: { id: r.json?.id as string } });
    expect(row).toMatchObject({ drillSlug: 'warm-up', feedback: 'immediate' });
    expect(row.deadline.getTime() - row.startedAt.getTime()).toBe(10 * 60_000);
  });

  it('draws a build-your-own drill from a rule', async () => {
    as(alice);
    const r = await call(createPOST, 'POST', {}, { rule: { count: 2, kinds: ['write'], maxDifficulty: 1 }, minutes: 5, feedback: 'end' });
    expect(r.status).toBe(201);
    const slugs = (r.json?.tasks as { scenario: string }[]).map((t) => t.scenario);
    expect(new Set(slugs).size).toBe(2);
  });

  it('refuses bad requests with 400 and a clear message', async () => {
    as(alice);
    const cases = [
      { scenarios: [EASY.slug], minutes: 0, feedback: 'end' },
      { scenarios: [EASY.slug], minutes: 241, feedback: 'end' },
      { scenarios: [EASY.slug], minutes: 5, feedback: 'later' },
      { scenarios: [], minutes: 5 },
      { scenarios: [EASY.slug], minutes: 5, deadline: '2099-01-01T00:00:00Z' },
      { scenarios: ['no-such-scenario-zz'], minutes: 5 },
      { scenarios: [EASY.slug, EASY.slug], minutes: 5 },
      { rule: { count: 50, topics: ['udp-sctp'], maxDifficulty: 1 }, minutes: 5 },
    ];
    for (const c of cases) {
      const r = await call(createPOST, 'POST', {}, c);
      expect([r.status, JSON.stringify(c)]).toEqual([400, JSON.stringify(c)]);
      expect((r.json?.error as { message: string }).message.length).toBeGreaterThan(10);
    }
    expect((await call(createPOST, 'POST', {}, { drill: 'no-such-drill' })).status).toBe(404);
  });
});

describe('saving drafts', () => {
  it('saves, flags and restores drafts with the remaining time', async () => {
    as(alice);
    const id = await start();
    await age(id, 60);
    const r = await save(id, 1, { yaml: 'kind: NetworkPolicy\n', flagged: true, elapsedMs: 4000 });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ applied: true, index: 1, yaml: 'kind: NetworkPolicy\n', flagged: true, timeSpentMs: 4000 });
    expect(r.json?.remainingSeconds as number).toBeGreaterThan(590);
    // A later save without `flagged` keeps the flag; time adds up.
    await save(id, 1, { yaml: 'kind: NetworkPolicy\nmetadata: {}\n', elapsedMs: 1000 });
    const view = (await get(id)).json as { remainingSeconds: number; finished: boolean; tasks: { draft: { yaml: string } | null; flagged: boolean; answered: boolean; timeSpentMs: number }[] };
    expect(view.finished).toBe(false);
    expect(view.remainingSeconds).toBeGreaterThan(590);
    expect(view.remainingSeconds).toBeLessThanOrEqual(600);
    expect(view.tasks[0]).toMatchObject({ draft: null, flagged: false, answered: false });
    expect(view.tasks[1]).toMatchObject({ draft: { yaml: 'kind: NetworkPolicy\nmetadata: {}\n' }, flagged: true, answered: true, timeSpentMs: 5000 });
  });

  it('keeps the newest save when two tabs save the same task out of order', async () => {
    as(alice);
    const id = await start();
    await age(id, 60);
    // A tab cannot book more time than the drill has lasted.
    expect((await save(id, 1, { yaml: 'x', elapsedMs: 3_600_000 })).json?.timeSpentMs as number).toBeLessThanOrEqual(61_000);
    const t0 = Date.now();
    const newer = new Date(t0 - 1000).toISOString();
    const older = new Date(t0 - 5000).toISOString();
    expect((await save(id, 0, { yaml: 'newer text', savedAt: newer })).json).toMatchObject({ applied: true });
    // The older edit arrives later (a slow network, a second tab): it does not overwrite the newer text.
    const late = await save(id, 0, { yaml: 'older text', savedAt: older, elapsedMs: 2000 });
    expect(late.status).toBe(200);
    expect(late.json).toMatchObject({ applied: false, yaml: 'newer text', savedAt: newer, timeSpentMs: 2000 });
    const view = (await get(id)).json as { tasks: { draft: { yaml: string; savedAt: string } }[] };
    expect(view.tasks[0].draft).toEqual({ yaml: 'newer text', savedAt: newer });
    // An idle tab re-sending its old text (heartbeat, task switch) keeps its old savedAt and changes nothing;
    // a flag set from that tab is an explicit action and applies.
    const idle = await save(id, 0, { yaml: 'older text', savedAt: older, flagged: true });
    expect(idle.json).toMatchObject({ applied: false, yaml: 'newer text', flagged: true, savedAt: newer });
    // A client clock in the future cannot pin its text forever: savedAt is capped at the server's now.
    const future = await save(id, 0, { yaml: 'future text', savedAt: new Date(t0 + 3600_000).toISOString() });
    expect(Date.parse(future.json?.savedAt as string)).toBeLessThanOrEqual(Date.now());
    expect((await save(id, 0, { yaml: 'typed after', savedAt: new Date().toISOString() })).json).toMatchObject({ applied: true });
  });

  it('settles concurrent saves on the newest one', async () => {
    as(alice);
    const id = await start();
    await age(id, 120);
    const base = Date.now() - 60_000;
    const order = [3, 7, 1, 9, 0, 5, 2, 8, 4, 6];
    await Promise.all(order.map((n) => save(id, 0, { yaml: `text ${n}`, savedAt: new Date(base + n * 1000).toISOString() })));
    const view = (await get(id)).json as { tasks: { draft: { yaml: string } }[] };
    expect(view.tasks[0].draft.yaml).toBe('text 9');
  });

  it('refuses bodies that are not a draft', async () => {
    as(alice);
    const id = await start();
    expect((await save(id, 0, { yaml: 5 })).status).toBe(400);
    expect((await save(id, 0, { yaml: 'x', elapsedMs: -1 })).status).toBe(400);
    expect((await save(id, 0, { yaml: 'x', savedAt: 'yesterday' })).status).toBe(400);
    expect((await save(id, 0, { yaml: 'a'.repeat(257 * 1024) })).status).toBe(413);
  });
});

describe('the deadline', () => {
  it('refuses saves and submits after the deadline with 409 and a clear message, and grades the drafts saved before it', async () => {
    as(alice);
    const id = await start({ scenarios: [EASY.slug, MEDIUM.slug], minutes: 10, feedback: 'immediate' });
    expect((await save(id, 0, { yaml: RIGHT_EASY })).status).toBe(200);
    await expire(id);
    const late = await save(id, 1, { yaml: RIGHT_MEDIUM });
    expect(late.status).toBe(409);
    expect((late.json?.error as { message: string }).message).toMatch(/^time is up: the drill ended at .* answers can no longer be saved or submitted$/);
    const lateSubmit = await call(submitPOST, 'POST', { id, index: '1' }, { yaml: RIGHT_MEDIUM });
    expect(lateSubmit.status).toBe(409);
    expect(await db.drillTaskDraft.count({ where: { sessionId: id, index: 1 } })).toBe(0);

    // Finishing after the deadline grades what was saved in time; the end is recorded at the deadline.
    const f = await finish(id);
    expect(f.status).toBe(200);
    const res = f.json as { score: number; passed: boolean; finishedBy: string; finishedAt: string; tasks: { score: number; passed: boolean; answered: boolean }[] };
    expect(res.finishedBy).toBe('deadline');
    const row = await db.drillSession.findUniqueOrThrow({ where: { id } });
    expect(res.finishedAt).toBe(row.deadline.toISOString());
    expect(res.tasks.map((t) => [t.answered, t.score, t.passed])).toEqual([
      [true, 1, true],
      [false, 0, false],
    ]);
    expect(res.score).toBeCloseTo(1 / 3); // weights 1 and 2
    expect(res.passed).toBe(false);
  });

  it('finishes an expired session on the next read (no server timer)', async () => {
    as(alice);
    const id = await start();
    await save(id, 0, { yaml: RIGHT_EASY });
    await save(id, 1, { yaml: RIGHT_MEDIUM });
    await expire(id);
    expect((await db.drillSession.findUniqueOrThrow({ where: { id } })).finishedAt).toBeNull();
    const view = (await get(id)).json as { finished: boolean; remainingSeconds: number; results: { score: number; passed: boolean; finishedBy: string } };
    expect(view.finished).toBe(true);
    expect(view.remainingSeconds).toBe(0);
    expect(view.results).toEqual({ score: 1, passed: true, finishedBy: 'deadline' });
    const row = await db.drillSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ score: 1, passed: true });
  });

  it('finishes expired sessions when the history is listed', async () => {
    as(alice);
    const id = await start();
    await expire(id);
    const list = (await call(listGET, 'GET')).json as { sessions: { id: string; finishedAt: string | null; score: number | null }[] };
    expect(list.sessions.find((s) => s.id === id)).toMatchObject({ score: 0 });
    expect(list.sessions.find((s) => s.id === id)?.finishedAt).not.toBeNull();
  });
});

describe('finishing', () => {
  it('grades the last saved draft of every task, weighted by difficulty, and stores attempts that count for mastery', async () => {
    as(alice);
    const id = await start();
    await age(id, 60);
    await save(id, 0, { yaml: WRONG_EASY, elapsedMs: 10_000 });
    await save(id, 1, { yaml: RIGHT_MEDIUM, elapsedMs: 20_000 });
    const f = await finish(id);
    expect(f.status).toBe(200);
    const res = f.json as { score: number; passed: boolean; finishedBy: string; earned: number; possible: number; tasks: { index: number; scenario: string; score: number; passed: boolean; timeSpentMs: number; attemptId: string }[] };
    expect(res.finishedBy).toBe('learner');
    expect(res.possible).toBe(3);
    expect(res.tasks[0]).toMatchObject({ index: 0, scenario: EASY.slug, passed: false, timeSpentMs: 10_000 });
    expect(res.tasks[0].score).toBeGreaterThan(0);
    expect(res.tasks[0].score).toBeLessThan(1);
    expect(res.tasks[1]).toMatchObject({ index: 1, scenario: MEDIUM.slug, score: 1, passed: true, timeSpentMs: 20_000 });
    expect(res.score).toBeCloseTo((res.tasks[0].score + 2) / 3);
    expect(res.passed).toBe(res.score >= 0.66);
    const attempts = await db.attempt.findMany({ where: { drillSessionId: id } });
    expect(attempts).toHaveLength(2);
    expect(attempts.find((a) => a.scenarioSlug === MEDIUM.slug)).toMatchObject({ userId: alice, passed: true, scenarioVersion: 1, yaml: RIGHT_MEDIUM, durationMs: 20_000 });
  });

  it('is idempotent: a second finish, also a concurrent one, returns the same results and grades once', async () => {
    as(alice);
    const id = await start();
    await save(id, 0, { yaml: RIGHT_EASY });
    const [a, b] = await Promise.all([finish(id), finish(id)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    const c = await finish(id);
    expect(c.json).toEqual(a.json);
    expect(await db.attempt.count({ where: { drillSessionId: id } })).toBe(1);
  });

  it('refuses saves and submits after finish with 409', async () => {
    as(alice);
    const id = await start({ scenarios: [EASY.slug], minutes: 5, feedback: 'immediate' });
    await finish(id);
    const r = await save(id, 0, { yaml: RIGHT_EASY });
    expect(r.status).toBe(409);
    expect((r.json?.error as { message: string }).message).toBe('this drill is finished: answers can no longer be saved or submitted');
    expect((await call(submitPOST, 'POST', { id, index: '0' }, { yaml: RIGHT_EASY })).status).toBe(409);
  });

  it('never loses a confirmed save to a concurrent finish', async () => {
    as(alice);
    for (let i = 0; i < 5; i++) {
      const id = await start({ scenarios: [EASY.slug], minutes: 5, feedback: 'end' });
      const [s, f] = await Promise.all([save(id, 0, { yaml: RIGHT_EASY }), finish(id)]);
      expect(f.status).toBe(200);
      const final = (await finish(id)).json as { tasks: { answered: boolean; score: number }[] };
      if (s.status === 200) expect(final.tasks[0]).toMatchObject({ answered: true, score: 1 });
      else {
        expect(s.status).toBe(409);
        expect(final.tasks[0]).toMatchObject({ answered: false, score: 0 });
      }
    }
  });
});

describe('feedback modes', () => {
  it('in `end` mode sends no grading information before finish', async () => {
    // A fresh user: the history list must hold only this running session.
    const carol = await newUser();
    users.push(carol);
    as(carol);
    const id = await start({ scenarios: [EASY.slug, MEDIUM.slug], minutes: 10, feedback: 'end' });
    const saved = await save(id, 0, { yaml: WRONG_EASY });
    const submit = await call(submitPOST, 'POST', { id, index: '0' }, { yaml: WRONG_EASY });
    expect(submit.status).toBe(409);
    expect((submit.json?.error as { message: string }).message).toMatch(/feedback at the end/);
    const view = await get(id);
    const list = await call(listGET, 'GET');
    for (const r of [saved, submit, view, list]) {
      for (const s of [EASY, MEDIUM]) {
        for (const e of s.expectations) expect(r.text).not.toContain(e.why);
        // Solution lines the learner typed themselves (apiVersion, kind…) are not a leak.
        const own = new Set(WRONG_EASY.split('\n'));
        for (const line of (s.solution ?? '').split('\n').filter((l) => l.trim().length > 12 && !own.has(l))) expect(r.text).not.toContain(line);
        expect(r.text).not.toContain(s.explanation.trim().split('\n')[0]);
      }
      expect(r.text).not.toMatch(/"(score|passed|pass|failed|expectations|matrix|results)":\s*[^n]/);
    }
    // Positive control: after finish the same session does carry grading data.
    await finish(id);
    expect((await get(id)).text).toMatch(/"score":/);
    expect(await db.attempt.count({ where: { drillSessionId: id } })).toBe(1);
  });

  it('in `immediate` mode grades a task on request, keeps its result on reload, and counts it once at finish', async () => {
    as(alice);
    const id = await start({ scenarios: [EASY.slug, MEDIUM.slug], minutes: 10, feedback: 'immediate' });
    const wrong = await call(submitPOST, 'POST', { id, index: '0' }, { yaml: WRONG_EASY });
    expect(wrong.status).toBe(201);
    expect(wrong.json).toMatchObject({ pass: false, revealed: false, expectations: null });
    expect((wrong.json?.failed as unknown[]).length).toBeGreaterThan(0);
    const right = await call(submitPOST, 'POST', { id, index: '0' }, { yaml: RIGHT_EASY });
    expect(right.json).toMatchObject({ pass: true, score: 1 });
    const view = (await get(id)).json as { tasks: { draft: { yaml: string }; lastResult: { pass: boolean } | null }[] };
    expect(view.tasks[0].draft.yaml).toBe(RIGHT_EASY);
    expect(view.tasks[0].lastResult).toMatchObject({ pass: true });
    expect(view.tasks[1].lastResult).toBeNull();
    await finish(id);
    // The final draft equals the last submit: its attempt is reused, not graded twice.
    expect(await db.attempt.count({ where: { drillSessionId: id } })).toBe(2);
  });
});
