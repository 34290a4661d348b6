/**
 * Load benchmark (`npm run bench:load`, issue 8 item 1): prints figures, asserts nothing.
 * `npm run bench:load` starts a throwaway embedded PostgreSQL (migrated, content/ seeded) through
 * scripts/with-db.js; this script then builds the app if `.next` is stale, starts the production server
 * (`next start`, the e2e harness) on loopback, creates N learners and drives it with autocannon in phases:
 *   1. sign-in: every learner signs in through next-auth's credentials flow (csrf → callback), a few at a time
 *      (bcrypt is deliberately slow; its cost is shown apart);
 *   2. health: GET /api/health (SELECT 1), every connection as fast as it can: the framework's floor;
 *   3. mix, saturated: one connection per learner, each looping through a learner's session: catalog page,
 *      exercise page, exercise API, save a draft, submit a wrong answer, save again, submit the right answer,
 *      progress page, with no pause between requests (a closed loop: the server is saturated, latency is queueing);
 *   4. mix, with think time: the same loop, but each learner waits a random think time (uniform in
 *      [0.5, 1.5] × --think-ms, default 2000 → 1-3 s) after every answer, as a person reading feedback does;
 *      100 such learners offer ~50 req/s. Latency is measured from sending to the end of the body;
 *   5. submit: every connection submits (wrong and right alternately) as fast as it can;
 *   6. spike (opt-in, `--spike N`; issue 8's cohort starting the same mock exam at 9:00): N more learners, signed
 *      in before the phase, start the catalog's exam mock (content/drills/exam-mock.yaml) within the same second,
 *      then each opens its first task (the session page, then the runner's read of the session API), autosaves it
 *      twice, saves its answer (the reference solution: an exam-mode drill has no per-task submit, finish grades
 *      the last saved draft) and finishes the drill, pausing [0.5, 1.5] × --think-ms between the steps after
 *      opening. Prints the same table per step, whether every step answered 2xx, and the time from the first
 *      start sent to the last start answered; it is printed after the targets and not counted in them.
 * Per route: requests/s, p50/p95/p99 latency, non-2xx answers and socket errors; then the targets
 * (zero errors, submit p99 < 300 ms in the mix, submit throughput ≥ 40 % of health's).
 * Rate limits stay on (counted in Postgres) but are scaled by RATE_LIMIT_MULTIPLIER (default here 1000):
 * one loopback address and hammering connections are not what they are tuned for.
 * Options: --users 100 --duration 60 (each mix, seconds; 0 skips both mixes) --phase-duration 15 (health and submit) --rate 0 (requests
 * per second per connection in the saturated mix; 0 = as fast as possible) --think-ms 2000 (mean think time of
 * phase 4 and the pause between the spike's steps; 0 skips phase 4) --sign-in-concurrency 4 --spike 0 (learners in
 * phase 6; 0 skips it) --cpu-prof DIR (the
 * server writes V8 CPU profiles there when it stops; open them in Chrome DevTools).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { ROOT, startApp, type TAppServer } from '@/tests/e2e/harness';
import { signInHttp } from '@/tests/security/http-session';

type TOptions = { users: number; duration: number; phaseDuration: number; rate: number; thinkMs: number; signInConcurrency: number; spike: number; cpuProf: string | null };

function parseOptions(argv: string[]): TOptions {
  const opts: TOptions = { users: 100, duration: 60, phaseDuration: 15, rate: 0, thinkMs: 2000, signInConcurrency: 4, spike: 0, cpuProf: null };
  const names: Record<string, Exclude<keyof TOptions, 'cpuProf'>> = { '--users': 'users', '--duration': 'duration', '--phase-duration': 'phaseDuration', '--rate': 'rate', '--think-ms': 'thinkMs', '--sign-in-concurrency': 'signInConcurrency', '--spike': 'spike' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--cpu-prof') {
      opts.cpuProf = path.resolve(inline ?? argv[++i]);
      continue;
    }
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${argv[i]} (known: ${Object.keys(names).join(', ')})`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} needs a non-negative number`);
    opts[key] = value;
  }
  return opts;
}

const PASSWORD = 'Bench-Password-42';

/** Latency samples and outcomes of one route. */
type TRouteStats = { samples: number[]; ok: number; non2xx: Map<number, number> };

function newStats(): TRouteStats {
  return { samples: [], ok: 0, non2xx: new Map() };
}

function record(stats: Map<string, TRouteStats>, route: string, status: number, ms: number): void {
  let s = stats.get(route);
  if (!s) stats.set(route, (s = newStats()));
  s.samples.push(ms);
  if (status >= 200 && status < 400) s.ok++;
  else s.non2xx.set(status, (s.non2xx.get(status) ?? 0) + 1);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type TRow = { route: string; requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; detail: string };

function summarize(stats: Map<string, TRouteStats>, seconds: number): TRow[] {
  return [...stats.entries()].map(([route, s]) => {
    const sorted = [...s.samples].sort((a, b) => a - b);
    const errors = [...s.non2xx.values()].reduce((a, b) => a + b, 0);
    return {
      route,
      requests: s.samples.length,
      rps: s.samples.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      errors,
      detail: [...s.non2xx.entries()].map(([code, n]) => `${n}×${code}`).join(' '),
    };
  });
}

function printTable(title: string, rows: TRow[], socketErrors: number, timeouts: number): void {
  console.log(`\n${title}`);
  const header = ['route', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'];
  const lines = rows.map((r) => [r.route, String(r.requests), r.rps.toFixed(1), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.errors ? `${r.errors} (${r.detail})` : '0']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  console.log(`socket errors: ${socketErrors}, timeouts: ${timeouts}`);
}

/** A learner with a signed-in session and an exercise to work on. */
type TLearner = { email: string; cookie: string; slug: string };
/** A write exercise with a right and a wrong answer (checked against the server before the run). */
type TExercise = { slug: string; right: string; wrong: string };

/** next-auth's credentials flow, as the sign-in form runs it; returns the session cookie header. */
function signIn(baseUrl: string, email: string): Promise<string> {
  return signInHttp(baseUrl, email, PASSWORD);
}

async function createLearners(n: number, runId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // One hash for everyone: hashing 100 times would only measure bcrypt before the run.
    const hash = await bcrypt.hash(PASSWORD, 12);
    const emails = Array.from({ length: n }, (_, i) => `bench-${runId}-${i}@example.test`);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash")
       SELECT gen_random_uuid()::text, e, 'Bench learner', 'learner', $2 FROM unnest($1::text[]) AS e`,
      [emails, hash],
    );
    return emails;
  } finally {
    await client.end();
  }
}

/** Write exercises whose reference solution passes and whose deny-all answer fails, checked on the server. */
async function pickExercises(baseUrl: string, cookie: string, max: number): Promise<TExercise[]> {
  const content = loadContent(path.join(ROOT, 'content'));
  const picked: TExercise[] = [];
  for (const { content: s } of content.scenarios) {
    if (picked.length >= max) break;
    const scenario = s as TScenario;
    if (scenario.kind !== 'write' || !scenario.solution) continue;
    const ns = scenario.cluster.namespaces[0]?.name ?? 'default';
    const wrong = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-everything\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;
    const submit = async (yaml: string) => {
      const res = await fetch(`${baseUrl}/api/scenarios/${scenario.slug}/attempts`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ yaml }) });
      return res.status === 201 ? ((await res.json()) as { pass: boolean }).pass : null;
    };
    if ((await submit(wrong)) === false && (await submit(scenario.solution)) === true) picked.push({ slug: scenario.slug, right: scenario.solution, wrong });
  }
  if (picked.length === 0) throw new Error('no write exercise with a passing solution and a failing deny-all answer');
  return picked;
}

type TStep = { route: string; method: 'GET' | 'POST' | 'PUT'; path: (l: TLearner) => string; body?: (l: TLearner, ex: TExercise) => string; submit?: boolean };

type TPhaseResult = { rows: TRow[]; seconds: number; socketErrors: number; timeouts: number; cpuMs?: number };

// Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux).
const USER_HZ = 100;

/**
 * CPU time (user + system, ms) the server process has used so far, or NaN off Linux. Throughput on a shared
 * 2-core machine moves with whatever else runs; CPU per request does not, so the bench prints both.
 */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are 14 and 15.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return NaN;
  }
}

/** Run `phase` and add the server's CPU time spent during it. */
async function withServerCpu<T extends TPhaseResult>(pid: number, phase: () => Promise<T>): Promise<T> {
  const before = processCpuMs(pid);
  const result = await phase();
  return { ...result, cpuMs: processCpuMs(pid) - before };
}

/** "server CPU: x ms per request (y % of a core)" for a phase, or '' when unknown. */
function cpuLine(p: TPhaseResult): string {
  const requests = p.rows.reduce((a, r) => a + r.requests, 0);
  if (!p.cpuMs || !Number.isFinite(p.cpuMs) || requests === 0) return '';
  return `server CPU: ${(p.cpuMs / requests).toFixed(2)} ms per request (${((p.cpuMs / (p.seconds * 1000)) * 100).toFixed(0)} % of one core)`;
}

/**
 * One autocannon run: `connections` clients, client i plays learners[i % n] and loops through `steps`.
 * Latency per route is measured per response (autocannon's own histogram mixes the routes).
 */
async function runPhase(baseUrl: string, opts: { connections: number; duration: number; rate?: number; learners: TLearner[]; exercises: Map<string, TExercise>; steps: TStep[] }): Promise<TPhaseResult> {
  const stats = new Map<string, TRouteStats>();
  let nextClient = 0;
  let lastRoute = '';
  const requests = opts.steps.map((step) => ({
    method: step.method,
    setupRequest: (req: Record<string, unknown>, context: { learner?: TLearner }) => {
      const l = context.learner;
      if (!l) return req; // the first request is built before setupClient hands out a learner
      const headers: Record<string, string> = { cookie: l.cookie };
      if (step.body) headers['content-type'] = 'application/json';
      if (step.submit) headers['idempotency-key'] = randomUUID();
      return { ...req, path: step.path(l), headers, body: step.body ? step.body(l, opts.exercises.get(l.slug)!) : undefined };
    },
    // Called right before autocannon's 'response' event for the same answer (same tick).
    onResponse: () => {
      lastRoute = step.route;
    },
  }));
  const instance = autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.rate ? { connectionRate: opts.rate } : {}),
    timeout: 30,
    requests,
    setupClient: (client: { requestIterator: { initialContext: object; resetContext: () => void; setRequests: (r: unknown) => void; requests: unknown } }) => {
      const learner = opts.learners[nextClient++ % opts.learners.length];
      client.requestIterator.initialContext = { learner };
      client.requestIterator.resetContext();
      client.requestIterator.setRequests(client.requestIterator.requests);
    },
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    record(stats, lastRoute, statusCode, responseTime);
  });
  const started = performance.now();
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  return { rows: summarize(stats, seconds), seconds, socketErrors: result.errors - result.timeouts, timeouts: result.timeouts };
}

/**
 * Learners with think time: each of `learners` loops through `steps` with fetch (keep-alive), pausing a random
 * [0.5, 1.5] × thinkMs after every answer. Latency runs from sending the request to the end of its body.
 */
async function runThinkingPhase(baseUrl: string, opts: { duration: number; thinkMs: number; learners: TLearner[]; exercises: Map<string, TExercise>; steps: TStep[] }): Promise<TPhaseResult> {
  const stats = new Map<string, TRouteStats>();
  let socketErrors = 0;
  const started = performance.now();
  const deadline = started + opts.duration * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.all(
    opts.learners.map(async (l) => {
      // Stagger the start over one think time so the learners do not arrive in lockstep.
      await sleep(Math.random() * opts.thinkMs);
      for (let i = 0; performance.now() < deadline; i++) {
        const step = opts.steps[i % opts.steps.length];
        const headers: Record<string, string> = { cookie: l.cookie };
        if (step.body) headers['content-type'] = 'application/json';
        if (step.submit) headers['idempotency-key'] = randomUUID();
        const t0 = performance.now();
        try {
          const res = await fetch(`${baseUrl}${step.path(l)}`, { method: step.method, headers, body: step.body ? step.body(l, opts.exercises.get(l.slug)!) : undefined, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          record(stats, step.route, res.status, performance.now() - t0);
        } catch {
          socketErrors++;
        }
        await sleep(opts.thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rows: summarize(stats, seconds), seconds, socketErrors, timeouts: 0 };
}

// The cohort's drill in the spike: the catalog's exam-style mock (fixed tasks, feedback only at the end).
const SPIKE_DRILL = 'exam-mock';

/** Sign in `emails` through next-auth, `concurrency` at a time; the cookies in the order of `emails`. */
async function signInAll(baseUrl: string, emails: string[], concurrency: number): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let cursor = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      while (cursor < emails.length) {
        const i = cursor++;
        cookies[i] = await signIn(baseUrl, emails[i]);
      }
    }),
  );
  return cookies;
}

/** The spike's figures beyond the per-step table. */
type TSpikeResult = TPhaseResult & { startSpreadMs: number; firstStartToLastAnswerMs: number; all2xx: boolean; notRun: number; finished: number; firstTaskPassed: number };

/**
 * Phase 6: every learner starts `drill` at a random moment within one second, opens its first task, autosaves it
 * twice, saves `answer` and finishes, pausing [0.5, 1.5] × thinkMs before each save. A learner whose step fails
 * (not 2xx, or no answer) stops there; its remaining steps are counted as not run. Latency runs from sending the
 * request to the end of its body (fetch with keep-alive, as in phase 4).
 */
async function runSpikePhase(baseUrl: string, opts: { cookies: string[]; drill: string; answer: string; thinkMs: number }): Promise<TSpikeResult> {
  const stats = new Map<string, TRouteStats>();
  let socketErrors = 0;
  let notRun = 0;
  let all2xx = true;
  let finished = 0;
  let firstTaskPassed = 0;
  const startSent: number[] = [];
  const startAnswered: number[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const think = () => sleep(opts.thinkMs * (0.5 + Math.random()));
  const lines = opts.answer.split('\n');
  const draft = (n: number) => `${lines.slice(0, n).join('\n')}\n# typing…\n`;
  await Promise.all(
    opts.cookies.map(async (cookie) => {
      let done = 0;
      // One request of a step: its stats, and its JSON body when it answered 2xx (null otherwise).
      const call = async (route: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<Record<string, unknown> | null> => {
        const headers: Record<string, string> = { cookie };
        if (body !== undefined) headers['content-type'] = 'application/json';
        const t0 = performance.now();
        try {
          const res = await fetch(`${baseUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual', signal: AbortSignal.timeout(30_000) });
          const text = await res.text();
          record(stats, route, res.status, performance.now() - t0);
          if (res.status < 200 || res.status >= 300) {
            all2xx = false;
            return null;
          }
          done++;
          return res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          socketErrors++;
          all2xx = false;
          return null;
        }
      };
      let id = '';
      let lastBooked = 0;
      // Time on the task since the previous save, as the runner books it with each save.
      const save = async (route: string, yaml: string) => {
        await think();
        const now = performance.now();
        const elapsedMs = Math.round(now - lastBooked);
        lastBooked = now;
        return call(route, 'PUT', `/api/drills/sessions/${id}/tasks/0`, { yaml, savedAt: new Date().toISOString(), elapsedMs });
      };
      // After the start, as the page does: open the session (page, then the runner's read), type, finish.
      const afterStart = [
        () => call('GET /drills/session/{id} (page)', 'GET', `/drills/session/${id}`),
        () => call('GET /api/drills/sessions/{id}', 'GET', `/api/drills/sessions/${id}`),
        () => save('PUT …/tasks/0 (autosave 1)', draft(4)),
        () => save('PUT …/tasks/0 (autosave 2)', draft(Math.ceil(lines.length / 2))),
        () => save('PUT …/tasks/0 (answer)', opts.answer),
        () => call('POST …/finish', 'POST', `/api/drills/sessions/${id}/finish`),
      ];
      await sleep(Math.random() * 1000);
      startSent.push(performance.now());
      let reply = await call('POST /api/drills/sessions (start)', 'POST', '/api/drills/sessions', { drill: opts.drill });
      startAnswered.push(performance.now());
      if (reply && typeof reply.id === 'string') {
        id = reply.id;
        lastBooked = performance.now();
        for (const step of afterStart) {
          reply = await step();
          if (!reply) break;
        }
        if (reply) {
          finished++;
          const tasks = reply.tasks as { index: number; passed: boolean }[] | undefined;
          if (tasks?.find((t) => t.index === 0)?.passed) firstTaskPassed++;
        }
      }
      // The step that failed was sent; the ones after it were not.
      notRun += afterStart.length + 1 - done - (done <= afterStart.length ? 1 : 0);
    }),
  );
  const seconds = (performance.now() - Math.min(...startSent)) / 1000;
  return {
    rows: summarize(stats, seconds),
    seconds,
    socketErrors,
    timeouts: 0,
    startSpreadMs: Math.max(...startSent) - Math.min(...startSent),
    firstStartToLastAnswerMs: Math.max(...startAnswered) - Math.min(...startSent),
    all2xx,
    notRun,
    finished,
    firstTaskPassed,
  };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run `npm run bench:load` (it starts a throwaway PostgreSQL)');
  process.env.RATE_LIMIT_MULTIPLIER ??= '1000';
  console.log(`load benchmark: ${opts.users} learners, mix ${opts.duration} s${opts.rate ? ` at ${opts.rate} req/s per learner` : ' (closed loop, no think time)'}${opts.thinkMs ? ` then ${opts.duration} s with ${opts.thinkMs / 2}-${(opts.thinkMs * 3) / 2} ms think time` : ''}, health and submit ${opts.phaseDuration} s each${opts.spike ? `, then a spike of ${opts.spike} learners starting ${SPIKE_DRILL}` : ''}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; node ${process.version}; RATE_LIMIT_MULTIPLIER=${process.env.RATE_LIMIT_MULTIPLIER}`);

  // The server process alone gets the profiler (startApp passes this process's environment on).
  const savedNodeOptions = process.env.NODE_OPTIONS;
  if (opts.cpuProf) {
    process.env.NETPOL_CPU_PROF_DIR = opts.cpuProf;
    process.env.NODE_OPTIONS = `${savedNodeOptions ?? ''} --require ${path.join(__dirname, 'cpu-profile.cjs')}`.trim();
  }
  const app: TAppServer = await startApp();
  process.env.NODE_OPTIONS = savedNodeOptions;
  try {
    const runId = randomUUID().slice(0, 8);
    const emails = await createLearners(opts.users + 1, runId);

    // Phase 1: sign-in.
    const signInMs: number[] = [];
    const cookies: string[] = new Array(emails.length);
    const t0 = performance.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: Math.max(1, opts.signInConcurrency) }, async () => {
        while (cursor < emails.length) {
          const i = cursor++;
          const start = performance.now();
          cookies[i] = await signIn(app.baseUrl, emails[i]);
          signInMs.push(performance.now() - start);
        }
      }),
    );
    const signInSeconds = (performance.now() - t0) / 1000;
    const sortedSignIn = signInMs.sort((a, b) => a - b);
    const bcryptStart = performance.now();
    await bcrypt.compare(PASSWORD, await bcrypt.hash('x', 12));
    const bcryptMs = (performance.now() - bcryptStart) / 2;
    console.log(`\n1. sign-in (csrf + credentials callback), ${emails.length} learners, ${opts.signInConcurrency} at a time`);
    console.log(`   ${(emails.length / signInSeconds).toFixed(1)} sign-ins/s, p50 ${percentile(sortedSignIn, 50).toFixed(0)} ms, p95 ${percentile(sortedSignIn, 95).toFixed(0)} ms, p99 ${percentile(sortedSignIn, 99).toFixed(0)} ms, 0 errors (one bcrypt cost-12 compare here: ${bcryptMs.toFixed(0)} ms)`);

    const exercises = await pickExercises(app.baseUrl, cookies[opts.users], 6);
    const bySlug = new Map(exercises.map((e) => [e.slug, e]));
    const learners: TLearner[] = emails.slice(0, opts.users).map((email, i) => ({ email, cookie: cookies[i], slug: exercises[i % exercises.length].slug }));
    console.log(`   exercises in the mix: ${exercises.map((e) => e.slug).join(', ')}`);

    // Phase 2: health.
    const health = await withServerCpu(app.pid, () => runPhase(app.baseUrl, { connections: opts.users, duration: opts.phaseDuration, learners, exercises: bySlug, steps: [{ route: 'GET /api/health', method: 'GET', path: () => '/api/health' }] }));
    printTable(`2. health: ${opts.users} connections, ${health.seconds.toFixed(1)} s`, health.rows, health.socketErrors, health.timeouts);
    console.log(cpuLine(health));

    // Phase 3: the learner mix.
    const draft = (l: TLearner, ex: TExercise) => JSON.stringify({ yaml: `${ex.right.split('\n').slice(0, 4).join('\n')}\n# draft of ${l.email}\n` });
    const submitBody = (which: 'right' | 'wrong') => (_l: TLearner, ex: TExercise) => JSON.stringify({ yaml: ex[which], startedAt: new Date(Date.now() - 60_000).toISOString() });
    const mixSteps: TStep[] = [
      { route: 'GET /scenarios (catalog page)', method: 'GET', path: () => '/scenarios' },
      { route: 'GET /scenarios/{slug} (exercise page)', method: 'GET', path: (l) => `/scenarios/${l.slug}` },
      { route: 'GET /api/scenarios/{slug}', method: 'GET', path: (l) => `/api/scenarios/${l.slug}` },
      { route: 'PUT /api/scenarios/{slug}/draft', method: 'PUT', path: (l) => `/api/scenarios/${l.slug}/draft`, body: draft },
      { route: 'POST …/attempts (submit)', method: 'POST', path: (l) => `/api/scenarios/${l.slug}/attempts`, body: submitBody('wrong'), submit: true },
      { route: 'PUT /api/scenarios/{slug}/draft', method: 'PUT', path: (l) => `/api/scenarios/${l.slug}/draft`, body: draft },
      { route: 'POST …/attempts (submit)', method: 'POST', path: (l) => `/api/scenarios/${l.slug}/attempts`, body: submitBody('right'), submit: true },
      { route: 'GET /progress (page)', method: 'GET', path: () => '/progress' },
    ];
    // --duration 0 skips both mixes (a quick health-versus-submit comparison).
    const mix = opts.duration > 0 ? await withServerCpu(app.pid, () => runPhase(app.baseUrl, { connections: opts.users, duration: opts.duration, rate: opts.rate, learners, exercises: bySlug, steps: mixSteps })) : null;
    if (mix) {
      const mixTotal = mix.rows.reduce((a, r) => a + r.requests, 0);
      printTable(`3. mix, saturated (no think time): ${opts.users} learners, ${mix.seconds.toFixed(1)} s, ${(mixTotal / mix.seconds).toFixed(1)} req/s in all`, mix.rows, mix.socketErrors, mix.timeouts);
      console.log(cpuLine(mix));
    }

    // Phase 4: the same mix with think time.
    const thinking = opts.thinkMs > 0 && opts.duration > 0 ? await withServerCpu(app.pid, () => runThinkingPhase(app.baseUrl, { duration: opts.duration, thinkMs: opts.thinkMs, learners, exercises: bySlug, steps: mixSteps })) : null;
    if (thinking) {
      const total = thinking.rows.reduce((a, r) => a + r.requests, 0);
      printTable(`4. mix with think time ${opts.thinkMs / 2}-${(opts.thinkMs * 3) / 2} ms: ${opts.users} learners, ${thinking.seconds.toFixed(1)} s, ${(total / thinking.seconds).toFixed(1)} req/s in all`, thinking.rows, thinking.socketErrors, thinking.timeouts);
      console.log(cpuLine(thinking));
    }

    // Phase 5: submissions only.
    const submit = await withServerCpu(app.pid, () => runPhase(app.baseUrl, {
      connections: opts.users,
      duration: opts.phaseDuration,
      learners,
      exercises: bySlug,
      steps: [
        { route: 'POST …/attempts (submit)', method: 'POST', path: (l) => `/api/scenarios/${l.slug}/attempts`, body: submitBody('wrong'), submit: true },
        { route: 'POST …/attempts (submit)', method: 'POST', path: (l) => `/api/scenarios/${l.slug}/attempts`, body: submitBody('right'), submit: true },
      ],
    }));
    printTable(`5. submit: ${opts.users} connections, ${submit.seconds.toFixed(1)} s`, submit.rows, submit.socketErrors, submit.timeouts);
    console.log(cpuLine(submit));

    // Targets.
    const healthRps = health.rows[0]?.rps ?? NaN;
    const submitRow = submit.rows[0];
    const mixSubmit = mix?.rows.find((r) => r.route.startsWith('POST …/attempts'));
    const thinkingSubmit = thinking?.rows.find((r) => r.route.startsWith('POST …/attempts'));
    const errors = [health, submit, ...(mix ? [mix] : []), ...(thinking ? [thinking] : [])].reduce((a, p) => a + p.socketErrors + p.timeouts + p.rows.reduce((b, r) => b + r.errors, 0), 0);
    console.log('\ntargets');
    console.log(`  errors in all phases: ${errors} (target 0) ${errors === 0 ? 'MET' : 'MISSED'}`);
    if (mixSubmit) console.log(`  submit p99 in the saturated mix: ${mixSubmit.p99.toFixed(1)} ms (target < 300) ${mixSubmit.p99 < 300 ? 'MET' : 'MISSED'}`);
    if (thinkingSubmit) console.log(`  submit p99 in the mix with think time: ${thinkingSubmit.p99.toFixed(1)} ms (target < 300) ${thinkingSubmit.p99 < 300 ? 'MET' : 'MISSED'}`);
    console.log(`  submit p99 when only submitting: ${submitRow?.p99.toFixed(1)} ms`);
    const ratio = (submitRow?.rps ?? 0) / healthRps;
    console.log(`  submit throughput / health throughput: ${submitRow?.rps.toFixed(1)} / ${healthRps.toFixed(1)} req/s = ${(ratio * 100).toFixed(0)} % (target ≥ 40 %) ${ratio >= 0.4 ? 'MET' : 'MISSED'}`);
    // The same comparison in server CPU per request, which other load on the machine barely moves.
    const perRequest = (p: TPhaseResult) => (p.cpuMs ?? NaN) / p.rows.reduce((a, r) => a + r.requests, 0);
    const cpuRatio = perRequest(health) / perRequest(submit);
    if (Number.isFinite(cpuRatio)) console.log(`  server CPU per request, health / submit: ${perRequest(health).toFixed(2)} / ${perRequest(submit).toFixed(2)} ms = ${(cpuRatio * 100).toFixed(0)} % (the throughput ratio a CPU-bound server would reach)`);

    // Phase 6: the 9:00 spike (opt-in), after the targets: a different question from the steady mix.
    if (opts.spike > 0) {
      const content = loadContent(path.join(ROOT, 'content'));
      const drill = content.drills.find((d) => d.slug === SPIKE_DRILL)?.content;
      const firstSlug = drill?.scenarios?.[0];
      const answer = content.scenarios.find((f) => f.slug === firstSlug)?.content.solution;
      if (!answer) throw new Error(`content/drills/${SPIKE_DRILL}.yaml must list its tasks, the first a write scenario with a solution`);
      const spikeEmails = await createLearners(opts.spike, `${runId}-spike`);
      const signInStart = performance.now();
      const spikeCookies = await signInAll(app.baseUrl, spikeEmails, opts.signInConcurrency);
      const pause = opts.thinkMs > 0 ? `a ${opts.thinkMs / 2}-${(opts.thinkMs * 3) / 2} ms pause before each save` : 'no pause between steps';
      console.log(`\n6. spike: ${opts.spike} learners start ${SPIKE_DRILL} (first task ${firstSlug}) within one second, ${pause}`);
      console.log(`   signed in before the phase (${opts.signInConcurrency} at a time, not measured in it): ${((performance.now() - signInStart) / 1000).toFixed(1)} s`);
      const spike = await withServerCpu(app.pid, () => runSpikePhase(app.baseUrl, { cookies: spikeCookies, drill: SPIKE_DRILL, answer, thinkMs: opts.thinkMs }));
      printTable(`   ${spike.seconds.toFixed(1)} s from the first start sent to the last finish answered`, spike.rows, spike.socketErrors, spike.timeouts);
      console.log(cpuLine(spike));
      console.log(`  starts sent over ${spike.startSpreadMs.toFixed(0)} ms; first start sent → last start answered: ${spike.firstStartToLastAnswerMs.toFixed(0)} ms`);
      console.log(`  every step answered 2xx: ${spike.all2xx ? 'yes' : `no (${spike.notRun} steps not run after a failed one)`}`);
      console.log(`  drills finished: ${spike.finished} of ${opts.spike}; first task graded passed in ${spike.firstTaskPassed} of them`);
    }
  } finally {
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
