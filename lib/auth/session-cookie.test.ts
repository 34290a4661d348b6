/**
 * The session cookie reader agrees with next-auth: a token next-auth's own encode made is read back (whole or in
 * next-auth's chunks), and an expired, tampered or foreign token is no session.
 */
const jar: { name: string; value: string }[] = [];
jest.mock('next/headers', () => ({ cookies: async () => ({ getAll: () => jar }) }));
// authOptions reads the secret when first imported (npm test sets one; a lone `npx jest` may not).
process.env.AUTH_SECRET ??= 'session-cookie-test-secret-0123456789';

import { encode } from 'next-auth/jwt';
import { authOptions } from './options';
import { readSessionUserId, sessionCookieName, sessionTokenOf } from './session-cookie';

const secret = authOptions.secret as string;

function setCookies(...cookies: [string, string][]) {
  jar.splice(0, jar.length, ...cookies.map(([name, value]) => ({ name, value })));
}

describe('sessionCookieName', () => {
  it('is next-auth`s: __Secure- behind https only', () => {
    expect(sessionCookieName('https://lab.example')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName('http://localhost:3000')).toBe('next-auth.session-token');
    expect(sessionCookieName(undefined)).toBe('next-auth.session-token');
    // next-auth's parseUrl: a scheme-less URL is https; the scheme is compared as the URL parser reads it.
    expect(sessionCookieName('lab.example')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName('HTTPS://lab.example')).toBe('__Secure-next-auth.session-token');
  });
});

describe('sessionTokenOf', () => {
  const name = 'next-auth.session-token';
  it('takes the whole cookie, else joins the chunks by their number (not their order)', () => {
    expect(sessionTokenOf([{ name, value: 'abc' }], name)).toBe('abc');
    expect(sessionTokenOf([{ name: `${name}.1`, value: 'def' }, { name: `${name}.10`, value: 'z' }, { name: `${name}.0`, value: 'abc' }, { name: `${name}.2`, value: 'g' }], name)).toBe('abcdefgz');
    expect(sessionTokenOf([{ name: `${name}x`, value: 'no' }, { name: 'other', value: 'no' }], name)).toBeNull();
  });
});

describe('readSessionUserId', () => {
  beforeAll(() => expect(secret).toBeTruthy());

  it('reads the user id from a token next-auth itself encoded', async () => {
    const token = await encode({ token: { sub: 'user-1', role: 'learner' }, secret });
    setCookies([sessionCookieName(), token]);
    expect(await readSessionUserId()).toBe('user-1');
  });

  it('reads a token split into chunks', async () => {
    const token = await encode({ token: { sub: 'user-2' }, secret });
    const half = Math.ceil(token.length / 2);
    setCookies([`${sessionCookieName()}.1`, token.slice(half)], [`${sessionCookieName()}.0`, token.slice(0, half)]);
    expect(await readSessionUserId()).toBe('user-2');
  });

  it('is no session without a cookie, with an expired, tampered or foreign token, or a token without a subject', async () => {
    setCookies();
    expect(await readSessionUserId()).toBeNull();
    setCookies([sessionCookieName(), await encode({ token: { sub: 'user-3' }, secret, maxAge: -60 })]);
    expect(await readSessionUserId()).toBeNull();
    const good = await encode({ token: { sub: 'user-4' }, secret });
    const i = good.length - 10;
    setCookies([sessionCookieName(), good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1)]);
    expect(await readSessionUserId()).toBeNull();
    setCookies([sessionCookieName(), await encode({ token: { sub: 'user-5' }, secret: 'another-secret-another-secret-123' })]);
    expect(await readSessionUserId()).toBeNull();
    setCookies([sessionCookieName(), await encode({ token: { role: 'learner' }, secret })]);
    expect(await readSessionUserId()).toBeNull();
  });
});
