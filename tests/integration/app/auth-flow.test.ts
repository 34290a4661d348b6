/**
 * Accounts against the real test database (DATABASE_URL from `npm test`): sign-up API, next-auth's standard
 * credentials flow (csrf → callback/credentials → session) through our route handler, and the session checks
 * of protected routes (401 anonymous, 403 wrong role).
 */
import { randomBytes } from 'node:crypto';

process.env.AUTH_SECRET ??= randomBytes(32).toString('hex');
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

// The request being handled: next/headers reads it (next-auth calls cookies() / headers() in route handlers).
const current: { cookies: Map<string, string>; headers: Headers } = { cookies: new Map(), headers: new Headers() };

jest.mock('next/headers', () => ({
  cookies: async () => ({
    // Next decodes cookie values (next-auth's callback-url cookie is URL-encoded on the wire).
    getAll: () => [...current.cookies.entries()].map(([name, value]) => ({ name, value: decodeURIComponent(value) })),
    get: (name: string) => (current.cookies.has(name) ? { name, value: decodeURIComponent(current.cookies.get(name) as string) } : undefined),
    has: (name: string) => current.cookies.has(name),
  }),
  headers: async () => current.headers,
}));

import { NextRequest } from 'next/server';
import { GET as authGET, POST as authPOST } from '@/app/api/auth/[...nextauth]/route';
import { POST as signupPOST } from '@/app/api/auth/signup/route';
import { GET as progressGET } from '@/app/api/progress/route';
import { authorizeCredentials, SIGN_IN_LIMIT } from '@/lib/auth/options';
import { requireRole, requireUser } from '@/lib/auth';
import { toErrorResponse } from '@/lib/errors';
import { updateUserRole } from '@/lib/db/user/update-user-role';
import { db } from '@/lib/db/client';

const BASE = 'http://localhost:3000';
const PASSWORD = 'Correct-Horse-42';

/** A tiny cookie jar for one browser. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

// Run a route handler the way Next would, with this jar's cookies visible to next/headers.
async function call(jar: Jar, handler: (req: NextRequest, ctx: { params: Promise<Record<string, string[]>> }) => Promise<Response>, method: string, pathname: string, opts: { nextauth?: string[]; form?: Record<string, string>; json?: unknown } = {}) {
  const headers = new Headers({ host: 'localhost:3000' });
  if (jar.cookies.size) headers.set('cookie', jar.header());
  let body: string | undefined;
  if (opts.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(opts.json);
  }
  current.cookies = new Map(jar.cookies);
  current.headers = headers;
  const res = await handler(new NextRequest(`${BASE}${pathname}`, { method, headers, body }), { params: Promise.resolve({ nextauth: opts.nextauth ?? [] }) });
  jar.take(res);
  return res;
}

// Make the jar's cookies the "current request" for server helpers (requireUser etc.).
function asCurrent(jar: Jar) {
  current.cookies = new Map(jar.cookies);
  current.headers = new Headers({ host: 'localhost:3000', cookie: jar.header() });
}

async function signIn(jar: Jar, email: string, password: string) {
  const csrfRes = await call(jar, authGET, 'GET', '/api/auth/csrf', { nextauth: ['csrf'] });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  return call(jar, authPOST, 'POST', '/api/auth/callback/credentials', { nextauth: ['callback', 'credentials'], form: { csrfToken, email, password, json: 'true', callbackUrl: `${BASE}/scenarios` } });
}

const email = (p: string) => `${p}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@example.test`;
const created: string[] = [];

afterAll(async () => {
  if (created.length) await db.user.deleteMany({ where: { email: { in: created } } });
  await db.$disconnect();
});

describe('sign-up API', () => {
  it('creates a learner, refuses a taken email (409) and weak passwords (400 with the field)', async () => {
    const jar = new Jar();
    const addr = email('signup');
    created.push(addr);
    const ok = await call(jar, signupPOST as never, 'POST', '/api/auth/signup', { json: { email: addr.toUpperCase(), password: PASSWORD, name: 'Ada' } });
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: addr, role: 'learner' });

    const taken = await call(jar, signupPOST as never, 'POST', '/api/auth/signup', { json: { email: addr, password: PASSWORD } });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');

    const weak = await call(jar, signupPOST as never, 'POST', '/api/auth/signup', { json: { email: email('weak'), password: 'aaaaaaaaaaaa' } });
    expect(weak.status).toBe(400);
    const weakBody = (await weak.json()) as { error: { fields: { path: string; message: string }[] } };
    expect(weakBody.error.fields.map((f) => f.path)).toContain('password');

    const badJson = await signupPOST(new Request(`${BASE}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }));
    expect(badJson.status).toBe(400);
    const huge = await signupPOST(new Request(`${BASE}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: addr, password: PASSWORD, name: 'x'.repeat(20_000) }) }));
    expect(huge.status).toBe(413);
  });
});

describe('credentials sign-in (next-auth standard flow)', () => {
  const addr = email('signin');
  beforeAll(async () => {
    created.push(addr);
    const res = await call(new Jar(), signupPOST as never, 'POST', '/api/auth/signup', { json: { email: addr, password: PASSWORD } });
    expect(res.status).toBe(201);
  });

  it('signs in with the right password and exposes id and role in /api/auth/session', async () => {
    const jar = new Jar();
    const res = await signIn(jar, addr, PASSWORD);
    expect(res.status).toBe(200);
    expect([...jar.cookies.keys()]).toContain('next-auth.session-token');
    const session = (await (await call(jar, authGET, 'GET', '/api/auth/session', { nextauth: ['session'] })).json()) as { user?: { email: string; id: string; role: string }; expires?: string };
    expect(session.user).toMatchObject({ email: addr, role: 'learner' });
    expect(session.user?.id).toEqual(expect.any(String));
    expect(Date.parse(session.expires ?? '')).toBeGreaterThan(Date.now());
  });

  it('answers a wrong password and an unknown email the same way, without a session', async () => {
    const wrong = new Jar();
    const r1 = await signIn(wrong, addr, 'Wrong-Password-1');
    const unknown = new Jar();
    const r2 = await signIn(unknown, email('nobody'), 'Wrong-Password-1');
    const b1 = (await r1.json()) as { url: string };
    const b2 = (await r2.json()) as { url: string };
    expect(r1.status).toBe(r2.status);
    expect(new URL(b1.url).searchParams.get('error')).toBe('CredentialsSignin');
    expect(new URL(b2.url).searchParams.get('error')).toBe('CredentialsSignin');
    expect(wrong.cookies.has('next-auth.session-token')).toBe(false);
    expect(unknown.cookies.has('next-auth.session-token')).toBe(false);
  });

  it('limits sign-in attempts per email, for unknown emails alike', async () => {
    const target = email('guess');
    const urls: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT.attempts + 1; i++) {
      const res = await signIn(new Jar(), target, `Wrong-Password-${i}`);
      urls.push(((await res.json()) as { url: string }).url);
    }
    const errors = urls.map((u) => new URL(u).searchParams.get('error'));
    expect(errors.slice(0, SIGN_IN_LIMIT.attempts).every((e) => e === 'CredentialsSignin')).toBe(true);
    expect(errors[SIGN_IN_LIMIT.attempts]).toBe('RateLimited');
  });

  it('authorize() itself accepts only the right password (email case-insensitive)', async () => {
    await expect(authorizeCredentials({ email: addr.toUpperCase(), password: PASSWORD })).resolves.toMatchObject({ email: addr, role: 'learner' });
    await expect(authorizeCredentials({ email: addr, password: 'nope-nope-1' })).resolves.toBeNull();
    await expect(authorizeCredentials({})).resolves.toBeNull();
  });
});

describe('protected routes', () => {
  const addr = email('guard');
  const jar = new Jar();
  beforeAll(async () => {
    created.push(addr);
    expect((await call(new Jar(), signupPOST as never, 'POST', '/api/auth/signup', { json: { email: addr, password: PASSWORD } })).status).toBe(201);
    expect((await signIn(jar, addr, PASSWORD)).status).toBe(200);
  });

  it('send GET /api/auth/signout to our sign-out page, not next-auth`s built-in one (the API CSP would break it)', async () => {
    const res = await call(new Jar(), authGET, 'GET', '/api/auth/signout', { nextauth: ['signout'] });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '', BASE).pathname).toBe('/sign-out');
  });

  it('refuse anonymous callers with 401', async () => {
    const res = await call(new Jar(), progressGET as never, 'GET', '/api/progress');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    asCurrent(new Jar());
    await expect(requireUser()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('serve the signed-in user', async () => {
    const res = await call(jar, progressGET as never, 'GET', '/api/progress');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { solved: number; total: number; topics: unknown[] };
    expect(body.solved).toBe(0);
    expect(body.total).toBeGreaterThanOrEqual(0);
  });

  it('refuse the wrong role with 403, and honour a role change at once', async () => {
    asCurrent(jar);
    const user = await requireUser();
    let err: unknown = null;
    try {
      await requireRole('instructor', 'admin');
    } catch (e) {
      err = e;
    }
    expect(toErrorResponse(err).status).toBe(403);
    await updateUserRole(user.id, 'instructor');
    asCurrent(jar);
    await expect(requireRole('instructor', 'admin')).resolves.toMatchObject({ id: user.id, role: 'instructor' });
  });

  it('refuse a forged session cookie', async () => {
    const forged = new Jar();
    forged.cookies.set('next-auth.session-token', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.token.value');
    const res = await call(forged, progressGET as never, 'GET', '/api/progress');
    expect(res.status).toBe(401);
  });
});
