/**
 * Resume after a server restart: a drill is started and answered over HTTP against a real `next start`, the app
 * process is stopped and a new one started against the same database, and everything the first process
 * confirmed (drafts, flags, time spent, the deadline) is still there; the new process keeps enforcing it.
 * Uses the e2e harness's production build (built first when stale).
 */
import { randomBytes } from 'node:crypto';
import { startApp, uniqueEmail, type TAppServer } from '../../e2e/harness';

/** A minimal cookie-keeping HTTP client for one signed-in user. */
class Client {
  cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
    const res = await this.fetch(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async signUpAndIn(email: string, password: string): Promise<void> {
    const up = await this.json('/api/auth/signup', 'POST', { email, password });
    if (up.status !== 201) throw new Error(`sign-up failed: ${up.status} ${JSON.stringify(up.body)}`);
    const { body: csrf } = await this.json<{ csrfToken: string }>('/api/auth/csrf');
    const form = new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: '/drills', json: 'true' });
    await this.fetch('/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const { body: session } = await this.json<{ user?: { email?: string } }>('/api/auth/session');
    if (session?.user?.email !== email) throw new Error('sign-in failed');
  }
}

type TView = { deadline: string; remainingSeconds: number; finished: boolean; tasks: { draft: { yaml: string; savedAt: string } | null; flagged: boolean; answered: boolean; timeSpentMs: number }[] };

const ANSWER = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n';

describe('drill sessions survive an app restart', () => {
  let app: TAppServer | null = null;

  beforeAll(() => {
    // Both processes must sign session cookies with the same secret, as two deployments of one app do.
    process.env.AUTH_SECRET ??= randomBytes(32).toString('hex');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('loses nothing that was confirmed and keeps the same deadline', async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through `npm test`');
    app = await startApp();
    const client = new Client(app.baseUrl);
    await client.signUpAndIn(uniqueEmail('restart'), 'Correct-Horse-42');

    const created = await client.json<{ id: string; deadline: string }>('/api/drills/sessions', 'POST', { scenarios: ['default-deny-ingress', 'allow-from-namespace'], minutes: 10, feedback: 'end' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const s0 = await client.json<{ applied: boolean }>(`/api/drills/sessions/${id}/tasks/0`, 'PUT', { yaml: ANSWER });
    const s1 = await client.json<{ applied: boolean }>(`/api/drills/sessions/${id}/tasks/1`, 'PUT', { yaml: 'kind: NetworkPolicy\n', flagged: true, elapsedMs: 1 });
    expect([s0.status, s0.body.applied, s1.status, s1.body.applied]).toEqual([200, true, 200, true]);
    const before = await client.json<TView>(`/api/drills/sessions/${id}`);
    const beforeAt = Date.now();

    // Stop the app process; start a new one (another port, same database).
    await app.stop();
    app = await startApp();
    client.baseUrl = app.baseUrl;

    const after = await client.json<TView>(`/api/drills/sessions/${id}`);
    expect(after.status).toBe(200);
    expect(after.body.deadline).toBe(created.body.deadline);
    expect(after.body.tasks).toEqual(before.body.tasks);
    expect(after.body.tasks[0]).toMatchObject({ draft: { yaml: ANSWER }, answered: true, flagged: false });
    expect(after.body.tasks[1]).toMatchObject({ draft: { yaml: 'kind: NetworkPolicy\n' }, flagged: true });
    // The clock kept running while the app was down: remaining time is the deadline minus now, not a pause.
    const elapsed = (Date.now() - beforeAt) / 1000;
    expect(Math.abs(after.body.remainingSeconds - (before.body.remainingSeconds - elapsed))).toBeLessThanOrEqual(2);

    // The new process keeps serving the session: saves work and finish grades the confirmed drafts.
    const again = await client.json<{ applied: boolean }>(`/api/drills/sessions/${id}/tasks/1`, 'PUT', { yaml: 'kind: NetworkPolicy\nmetadata: {}\n' });
    expect(again.status).toBe(200);
    const finished = await client.json<{ tasks: { answered: boolean; score: number }[] }>(`/api/drills/sessions/${id}/finish`, 'POST');
    expect(finished.status).toBe(200);
    expect(finished.body.tasks[0]).toMatchObject({ answered: true, score: 1 });
    const late = await client.json<{ error: { message: string } }>(`/api/drills/sessions/${id}/tasks/0`, 'PUT', { yaml: 'x' });
    expect(late.status).toBe(409);
  }, 20 * 60_000);
});
