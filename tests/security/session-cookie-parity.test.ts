/**
 * readSessionUserId answers what next-auth's own getServerSession (the reader it replaced) answers, for the same
 * cookies, request headers and environment: same cookie name (NEXTAUTH_URL, else AUTH_TRUST_HOST/VERCEL with the
 * forwarded protocol), same chunks, same secret, same expiry. Each case loads both readers afresh with its env.
 */
const mockJar: { name: string; value: string }[] = [];
const mockHeaders: Record<string, string> = {};
jest.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => mockJar }),
  headers: async () => new Headers(mockHeaders),
}));

type TReaders = { ours: () => Promise<string | null>; nextAuths: () => Promise<string | null>; secret: string };

const ENV_KEYS = ['NEXTAUTH_URL', 'AUTH_TRUST_HOST', 'VERCEL', 'AUTH_SECRET', 'NEXTAUTH_SECRET'] as const;
// next-auth logs the tokens it rejects (JWT_SESSION_ERROR) and its warnings; the assertions say what matters.
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation(() => {});
  jest.spyOn(console, 'warn').mockImplementation(() => {});
});
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else (process.env as Record<string, string>)[k] = saved[k];
  }
});

// Both readers from a fresh module registry, so lib/env and next-auth see this case's environment.
function loadReaders(env: Partial<Record<(typeof ENV_KEYS)[number], string>>): TReaders {
  for (const k of ENV_KEYS) delete process.env[k];
  Object.assign(process.env, env.NEXTAUTH_SECRET ? {} : { AUTH_SECRET: 'session-parity-test-secret-0123456789' }, env);
  let readers: TReaders | undefined;
  jest.isolateModules(() => {
    const { readSessionUserId } = require('@/lib/auth/session-cookie') as typeof import('@/lib/auth/session-cookie');
    const { authOptions } = require('@/lib/auth/options') as typeof import('@/lib/auth/options');
    const { getServerSession } = require('next-auth/next') as typeof import('next-auth/next');
    readers = {
      ours: readSessionUserId,
      nextAuths: async () => ((await getServerSession(authOptions)) as { user?: { id?: string } } | null)?.user?.id ?? null,
      secret: authOptions.secret as string,
    };
  });
  return readers!;
}

function request(headers: Record<string, string>, cookies: [string, string][]) {
  for (const k of Object.keys(mockHeaders)) delete mockHeaders[k];
  Object.assign(mockHeaders, headers);
  mockJar.splice(0, mockJar.length, ...cookies.map(([name, value]) => ({ name, value })));
}

async function token(secret: string, sub = 'user-1', maxAge?: number): Promise<string> {
  const { encode } = await import('next-auth/jwt');
  return encode({ token: { sub, role: 'learner' }, secret, maxAge });
}

const PLAIN = 'next-auth.session-token';
const SECURE = '__Secure-next-auth.session-token';
const HTTPS_PROXY = { host: 'lab.example', 'x-forwarded-host': 'lab.example', 'x-forwarded-proto': 'https' };
const HTTP_PROXY = { host: 'lab.example', 'x-forwarded-host': 'lab.example', 'x-forwarded-proto': 'http' };

// [case, env, headers, cookie name, what both must answer]
const CASES: [string, Partial<Record<(typeof ENV_KEYS)[number], string>>, Record<string, string>, string, string | null][] = [
  ['no NEXTAUTH_URL: plain cookie', {}, { host: 'localhost:3000' }, PLAIN, 'user-1'],
  ['no NEXTAUTH_URL: a __Secure- cookie is not next-auth`s', {}, { host: 'localhost:3000' }, SECURE, null],
  ['NEXTAUTH_URL https: __Secure- cookie', { NEXTAUTH_URL: 'https://lab.example' }, HTTP_PROXY, SECURE, 'user-1'],
  ['NEXTAUTH_URL https: a plain cookie is not next-auth`s', { NEXTAUTH_URL: 'https://lab.example' }, HTTPS_PROXY, PLAIN, null],
  ['NEXTAUTH_URL http: plain cookie even behind https', { NEXTAUTH_URL: 'http://lab.example' }, HTTPS_PROXY, PLAIN, 'user-1'],
  ['AUTH_TRUST_HOST behind https: __Secure- cookie', { AUTH_TRUST_HOST: '1' }, HTTPS_PROXY, SECURE, 'user-1'],
  ['AUTH_TRUST_HOST behind https: a plain cookie is not next-auth`s', { AUTH_TRUST_HOST: '1' }, HTTPS_PROXY, PLAIN, null],
  ['AUTH_TRUST_HOST behind http: plain cookie', { AUTH_TRUST_HOST: 'true' }, HTTP_PROXY, PLAIN, 'user-1'],
  ['AUTH_TRUST_HOST without a forwarded protocol: https is assumed', { AUTH_TRUST_HOST: '1' }, { host: 'lab.example' }, SECURE, 'user-1'],
  ['VERCEL behind https: __Secure- cookie', { VERCEL: '1' }, HTTPS_PROXY, SECURE, 'user-1'],
  ['NEXTAUTH_SECRET alone signs the session', { NEXTAUTH_SECRET: 'session-parity-nextauth-secret-0123' }, { host: 'localhost:3000' }, PLAIN, 'user-1'],
];

describe('readSessionUserId agrees with next-auth`s getServerSession', () => {
  it.each(CASES)('%s', async (_name, env, headers, cookieName, expected) => {
    const readers = loadReaders(env);
    const value = await token(readers.secret);
    request(headers, [[cookieName, value]]);
    const nextAuths = await readers.nextAuths();
    expect(nextAuths).toBe(expected); // the case states next-auth's behaviour correctly
    expect(await readers.ours()).toBe(nextAuths);
  });

  it('agrees on chunked cookies and on expired tokens', async () => {
    const readers = loadReaders({ AUTH_TRUST_HOST: '1' });
    const value = await token(readers.secret, 'user-2');
    const third = Math.ceil(value.length / 3);
    request(HTTPS_PROXY, [
      [`${SECURE}.2`, value.slice(2 * third)],
      [`${SECURE}.0`, value.slice(0, third)],
      [`${SECURE}.1`, value.slice(third, 2 * third)],
    ]);
    expect(await readers.nextAuths()).toBe('user-2');
    expect(await readers.ours()).toBe('user-2');
    request(HTTPS_PROXY, [[SECURE, await token(readers.secret, 'user-3', -60)]]);
    expect(await readers.nextAuths()).toBeNull();
    expect(await readers.ours()).toBeNull();
  });
});
