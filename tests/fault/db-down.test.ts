/**
 * Database down (issue 8, item 2): the production server (tests/e2e/harness startApp) talks to the test
 * database through a TCP proxy this test can cut. While it is cut, the health route, the APIs and sign-in
 * answer 503 with a clear message (no stack trace, no connection string) quickly, and pages (documents and RSC
 * navigations) answer 503 with Retry-After and the "database is unavailable" document from the outage gate
 * (lib/db/outage-gate.ts, called by proxy.ts); when the proxy comes back the same process recovers by itself
 * (no restart: the pages' own probe finds the database again) and a submission made before the outage is still there.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { freePort, startApp, type TAppServer } from '@/tests/e2e/harness';
import { signUpHttp } from '@/tests/security/http-session';

/** A TCP proxy to `target` that can be cut (every connection dropped, new ones refused) and restored. */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgresql://missing:5432/x');
let proxy: CuttableProxy;
let app: TAppServer;
let cookie = '';
let attemptId = '';
const SLUG = 'default-deny-ingress';
const WRONG = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: nope\n  namespace: default\nspec:\n  podSelector: {}\n';

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const start = Date.now();
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { cookie, ...headers }, redirect: 'manual' });
  return { status: res.status, text: await res.text(), ms: Date.now() - start, headers: res.headers };
}

// Pages of every kind: public catalog and exercise, personal pages behind the sign-in redirect, the drill catalogue.
const PAGES = ['/scenarios', `/scenarios/${SLUG}`, '/progress', '/drills', '/attempts'];

async function submit(yaml: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${app.baseUrl}/api/scenarios/${SLUG}/attempts`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomBytes(8).toString('hex') }, body: JSON.stringify({ yaml }) });
  return { status: res.status, text: await res.text() };
}

function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED|postgres(ql)?:\/\/|netpol-local|PrismaClient|Invalid `/);
}

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through `npm test -- tests/fault`');
  proxy = new CuttableProxy(await freePort(), { host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
  await proxy.up();
  const viaProxy = new URL(dbUrl);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = viaProxy.toString();
  try {
    app = await startApp();
  } finally {
    process.env.DATABASE_URL = saved;
  }
  cookie = await signUpHttp(app.baseUrl, `fault-${randomBytes(5).toString('hex')}@example.test`);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await proxy?.down();
});

describe('database down and back', () => {
  it('works with the database up (health, a submission, pages)', async () => {
    expect((await get('/api/health')).status).toBe(200);
    const s = await submit(WRONG);
    expect(s.status).toBe(201);
    attemptId = (JSON.parse(s.text) as { id: string }).id;
    expect(attemptId).toBeTruthy();
    for (const path of PAGES) expect([path, (await get(path)).status]).toEqual([path, 200]);
  });

  it('answers 503 with a clear message, quickly, while the database is down', async () => {
    await proxy.down();
    const health = await get('/api/health');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    // Well inside the pool's 5 s connect timeout: a refused connection fails at once.
    expect(health.ms).toBeLessThan(5000);

    for (const path of ['/api/progress', `/api/scenarios/${SLUG}`, `/api/scenarios/${SLUG}/attempts`]) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 503]);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/database is unavailable|service unavailable: database unreachable/) } });
      expectNoLeak(r.text);
    }
    const s = await submit(WRONG);
    expect(s.status).toBe(503);
    expectNoLeak(s.text);

    // Sign-in says so in next-auth's shape, which the form turns into words.
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
    const signIn = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') },
      body: new URLSearchParams({ email: 'someone@example.test', password: 'Whatever-123', csrfToken: ((await csrf.json()) as { csrfToken: string }).csrfToken, json: 'true' }),
    });
    expect(signIn.status).toBe(503);
    expect(new URL(((await signIn.json()) as { url: string }).url).searchParams.get('error')).toBe('Unavailable');
  });

  it('pages answer 503 with Retry-After and the "database is unavailable" document, not a crash or a stack trace', async () => {
    for (const path of PAGES) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 503]);
      expect(r.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.text).toContain('The database is unavailable');
      expect(r.text).toContain('retries by itself');
      expect(r.text).toMatch(/<meta http-equiv="refresh" content="[1-9][0-9]*">/);
      expectNoLeak(r.text);
      // The flag is read, not re-discovered: no connect timeout per page.
      expect(r.ms).toBeLessThan(3000);
    }
    // A client-side navigation (RSC request) gets the same answer; the router then loads the page as a document.
    const rsc = await get(`/scenarios/${SLUG}?_rsc=outage`, { rsc: '1' });
    expect(rsc.status).toBe(503);
    expect(rsc.text).toContain('The database is unavailable');
    // APIs keep their own JSON 503, not the HTML document.
    const api = await get('/api/progress');
    expect([api.status, api.headers.get('content-type')]).toEqual([503, 'application/json']);
  });

  it('recovers by itself when the database is back: same process, earlier work intact', async () => {
    await proxy.up();
    // Pages find their own way back (the gate probes at most once a second), before anything else touches the
    // database: no health check or API call helps them here.
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await get('/scenarios')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    for (const path of PAGES) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 200]);
      expect(r.text).not.toContain('The database is unavailable');
    }
    expect((await get('/api/health')).status).toBe(200);
    expect((await submit(WRONG)).status).toBe(201);
    const history = JSON.parse((await get(`/api/scenarios/${SLUG}/attempts`)).text) as { attempts: { id: string }[] };
    expect(history.attempts.map((a) => a.id)).toContain(attemptId);
    expect(history.attempts.length).toBeGreaterThanOrEqual(2);
    // The server never restarted: no crash in its output.
    expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection|FATAL/i);
  });
});
