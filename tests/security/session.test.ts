/**
 * Session cookies and tokens (issue 8, item 4), through next-auth's real route handler on the test database,
 * as served behind https (NEXTAUTH_URL https://…): secure cookie flags and prefixes, the session's lifetime,
 * and that expired, tampered or foreign-signed tokens and a role claimed in the token grant nothing.
 */
import { randomBytes } from 'node:crypto';

process.env.AUTH_SECRET ??= randomBytes(32).toString('hex');
process.env.NEXTAUTH_URL = 'https://netpol.example.test';

// next/headers as Next would provide it for the request being handled.
const current: { cookies: Map<string, string>; headers: Headers } = { cookies: new Map(), headers: new Headers() };
jest.mock('next/headers', () => ({
  cookies: async () => ({
    getAll: () => [...current.cookies.entries()].map(([name, value]) => ({ name, value: decodeURIComponent(value) })),
    get: (name: string) => (current.cookies.has(name) ? { name, value: decodeURIComponent(current.cookies.get(name) as string) } : undefined),
    has: (name: string) => current.cookies.has(name),
  }),
  headers: async () => current.headers,
}));

import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { GET as authGET, POST as authPOST } from '@/app/api/auth/[...nextauth]/route';
import { POST as signupPOST } from '@/app/api/auth/signup/route';
import { GET as progressGET } from '@/app/api/progress/route';
import { GET as authorListGET } from '@/app/api/author/scenarios/route';
import { SESSION_MAX_AGE } from '@/lib/auth/options';
import { db } from '@/lib/db/client';

const BASE = 'https://netpol.example.test';
const SESSION = '__Secure-next-auth.session-token';
const PASSWORD = 'Correct-Horse-42';
const email = `session-${randomBytes(5).toString('hex')}@example.test`;

type TSetCookie = { name: string; value: string; attrs: Map<string, string> };
function parseSetCookies(res: Response): TSetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair, ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    const attrs = new Map(rest.map((a) => a.trim().split('=')).map(([k, v]) => [k.toLowerCase(), v ?? '']));
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attrs };
  });
}

type THandler = (req: NextRequest, ctx: { params: Promise<Record<string, string[]>> }) => Promise<Response>;
async function call(cookies: Map<string, string>, handler: THandler, method: string, pathname: string, opts: { nextauth?: string[]; form?: Record<string, string>; json?: unknown } = {}) {
  const headers = new Headers({ host: 'netpol.example.test', 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.77' });
  if (cookies.size) headers.set('cookie', [...cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; '));
  let body: string | undefined;
  if (opts.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(opts.json);
  }
  current.cookies = new Map(cookies);
  current.headers = headers;
  const res = await handler(new NextRequest(`${BASE}${pathname}`, { method, headers, body }), { params: Promise.resolve({ nextauth: opts.nextauth ?? [] }) });
  for (const c of parseSetCookies(res)) cookies.set(c.name, c.value);
  return res;
}

/** An API call with exactly this session cookie value. */
async function apiWithToken(handler: (req: Request) => Promise<Response>, token: string): Promise<number> {
  current.cookies = new Map([[SESSION, token]]);
  current.headers = new Headers({ host: 'netpol.example.test', cookie: `${SESSION}=${token}` });
  return (await handler(new Request(`${BASE}/api/x`))).status;
}

let userId = '';
let signInResponse: Response;
const jar = new Map<string, string>();

beforeAll(async () => {
  const up = await call(new Map(), signupPOST as never, 'POST', '/api/auth/signup', { json: { email, password: PASSWORD } });
  expect(up.status).toBe(201);
  userId = ((await up.json()) as { user: { id: string } }).user.id;
  const csrf = await call(jar, authGET, 'GET', '/api/auth/csrf', { nextauth: ['csrf'] });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  signInResponse = await call(jar, authPOST, 'POST', '/api/auth/callback/credentials', { nextauth: ['callback', 'credentials'], form: { csrfToken, email, password: PASSWORD, json: 'true', callbackUrl: `${BASE}/scenarios` } });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email } });
  await db.$disconnect();
});

describe('cookies behind https', () => {
  it('the session cookie is __Secure-, Secure, HttpOnly, SameSite=Lax, site-wide, and lives SESSION_MAX_AGE', () => {
    const cookie = parseSetCookies(signInResponse).find((c) => c.name === SESSION);
    expect(cookie).toBeDefined();
    expect(cookie!.attrs.has('secure')).toBe(true);
    expect(cookie!.attrs.has('httponly')).toBe(true);
    expect(cookie!.attrs.get('samesite')?.toLowerCase()).toBe('lax');
    expect(cookie!.attrs.get('path')).toBe('/');
    const expires = Date.parse(cookie!.attrs.get('expires') ?? '');
    expect(Math.abs(expires - (Date.now() + SESSION_MAX_AGE * 1000))).toBeLessThan(60_000);
    expect(SESSION_MAX_AGE).toBeLessThanOrEqual(30 * 24 * 3600);
  });

  it('the CSRF cookie is __Host- (Secure, no Domain, Path=/) and HttpOnly', async () => {
    const res = await call(new Map(), authGET, 'GET', '/api/auth/csrf', { nextauth: ['csrf'] });
    const csrf = parseSetCookies(res).find((c) => c.name.endsWith('next-auth.csrf-token'));
    expect(csrf?.name).toBe('__Host-next-auth.csrf-token');
    expect(csrf!.attrs.has('secure')).toBe(true);
    expect(csrf!.attrs.has('httponly')).toBe(true);
    expect(csrf!.attrs.has('domain')).toBe(false);
  });

  it('the signed-in cookie opens the API', async () => {
    expect(await apiWithToken(progressGET, jar.get(SESSION)!)).toBe(200);
  });
});

describe('tokens that grant nothing', () => {
  const secret = () => process.env.AUTH_SECRET as string;

  it('an expired session token is 401', async () => {
    const expired = await encode({ token: { sub: userId, role: 'learner' }, secret: secret(), maxAge: -60 });
    expect(await apiWithToken(progressGET, expired)).toBe(401);
  });

  it('a tampered token is 401', async () => {
    const token = jar.get(SESSION)!;
    const i = Math.floor(token.length / 2);
    const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(await apiWithToken(progressGET, tampered)).toBe(401);
  });

  it('a token signed with another secret is 401', async () => {
    const foreign = await encode({ token: { sub: userId, role: 'learner' }, secret: randomBytes(32).toString('hex'), maxAge: 3600 });
    expect(await apiWithToken(progressGET, foreign)).toBe(401);
  });

  it('a role claimed in the token is ignored: the database says learner, so author routes are 403', async () => {
    const claimsAdmin = await encode({ token: { sub: userId, role: 'admin' }, secret: secret(), maxAge: 3600 });
    expect(await apiWithToken(progressGET, claimsAdmin)).toBe(200);
    expect(await apiWithToken(authorListGET, claimsAdmin)).toBe(403);
  });

  it('a valid token for a deleted user is 401', async () => {
    const ghost = await encode({ token: { sub: 'c00000000000000000000ghost', role: 'admin' }, secret: secret(), maxAge: 3600 });
    expect(await apiWithToken(progressGET, ghost)).toBe(401);
  });
});
