/**
 * proxy.ts: which paths it sees (matched by Next's own matcher code) and what it does on personal pages without
 * a session cookie. Only a redirect for comfort: the pages check the session themselves. Its CSP nonce is tested
 * in tests/security/headers.test.ts.
 */
import { NextRequest } from 'next/server';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { config, proxy } from '@/proxy';

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe('proxy matcher', () => {
  it('guards the personal pages, authoring, cohorts and running drills', () => {
    for (const path of ['/progress', '/attempts', '/attempts/abc', '/drills/session/abc', '/drills/session/abc/results', '/author', '/author/my-scenario/preview', '/cohorts', '/cohorts/join?code=x', '/cohorts/abc']) {
      expect([path, matches(path)]).toEqual([path, true]);
    }
  });

  it('sees public pages too (they get their CSP nonce there) but leaves the APIs alone', () => {
    for (const path of ['/', '/scenarios', '/scenarios/default-deny-ingress', '/drills', '/sign-in', '/authors']) {
      expect([path, matches(path)]).toEqual([path, true]);
    }
    for (const path of ['/api/me/preferences', '/api/health']) {
      expect([path, matches(path)]).toEqual([path, false]);
    }
  });
});

describe('proxy', () => {
  it('redirects a visitor without a session cookie to sign-in with the path and query as callbackUrl', async () => {
    const res = await proxy(new NextRequest('http://localhost:3000/cohorts/join?code=ab12'));
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get('location')!);
    expect(to.pathname).toBe('/sign-in');
    expect(to.searchParams.get('callbackUrl')).toBe('/cohorts/join?code=ab12');
  });

  it('does not redirect public pages that share a prefix with a personal one', async () => {
    for (const path of ['/scenarios', '/drills', '/authors', '/progressive']) {
      expect([path, (await proxy(new NextRequest(`http://localhost:3000${path}`))).headers.get('location')]).toEqual([path, null]);
    }
  });

  it('lets a request with a session cookie (plain, __Secure- or chunked) through', async () => {
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token', 'next-auth.session-token.0']) {
      const res = await proxy(new NextRequest('http://localhost:3000/author', { headers: { cookie: `${name}=x` } }));
      expect([name, res.headers.get('location')]).toEqual([name, null]);
    }
  });
});
