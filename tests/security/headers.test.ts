/**
 * Security headers and the Content-Security-Policy (issue 8, item 4):
 * - the static headers of next.config.js (every response; its CSP, allowing nothing, stays on what proxy.ts
 *   does not see: API, build assets, files), in production and development;
 * - the page policy of lib/security/csp.ts: a per-request script nonce with 'strict-dynamic', no
 *   'unsafe-inline' for scripts, no 'unsafe-eval' outside `next dev`;
 * - proxy.ts: which requests it sees (pages, not the API, assets or prefetches), the nonce it hands to rendering,
 *   the sign-in redirect it still does;
 * - a production server: pages carry a fresh nonce per request and every <script> in their HTML carries it;
 *   API, assets and prefetches keep the static policy.
 * The browser enforcing all this is tests/security/browser-csp.test.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import { createNonce, createPageCsp, NONCE_HEADER, pageContentSecurityPolicy } from '@/lib/security/csp';
import { describeBrowser, startApp, uniqueEmail, type TAppServer } from '@/tests/e2e/harness';
import { signUpHttp } from './http-session';

// Next's request code wants the edge runtime's global AsyncLocalStorage, which it does not always install itself
// in a Node test process (here it does not, with these imports): provide it before loading next/server.
(globalThis as Record<string, unknown>).AsyncLocalStorage = AsyncLocalStorage;
const { NextRequest } = require('next/server') as typeof import('next/server');
const { unstable_doesMiddlewareMatch } = require('next/experimental/testing/server') as typeof import('next/experimental/testing/server');
const { proxy, config: proxyConfig } = require('@/proxy') as typeof import('@/proxy');

type THeader = { key: string; value: string };

const nextConfig = require('../../next.config.js') as (phase: string) => { headers: () => Promise<{ source: string; headers: THeader[] }[]> };

const STATIC_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

async function headersFor(mode: 'production' | 'development'): Promise<Map<string, string>> {
  // Next calls the config with its phase: `next build`/`next start` for production, `next dev` for development.
  const rules = await nextConfig(mode === 'production' ? PHASE_PRODUCTION_BUILD : PHASE_DEVELOPMENT_SERVER).headers();
  expect(rules).toHaveLength(1);
  expect(rules[0].source).toBe('/:path*');
  return new Map(rules[0].headers.map((h) => [h.key.toLowerCase(), h.value]));
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

/** The nonce in a page policy's script-src (null when there is none). */
function nonceOf(csp: string): string | null {
  const values = directives(csp).get('script-src') ?? [];
  const source = values.find((v) => v.startsWith("'nonce-"));
  return source ? source.slice("'nonce-".length, -1) : null;
}

describe('static headers (next.config.js)', () => {
  it('production: a CSP that allows nothing and cannot be framed', async () => {
    const h = await headersFor('production');
    const csp = h.get('content-security-policy')!;
    expect(csp).toBe(STATIC_CSP);
    expect(directives(csp).get('default-src')).toEqual(["'none'"]);
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe|nonce/);
  });

  it('production: the other headers', async () => {
    const h = await headersFor('production');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(h.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(h.get('permissions-policy')).toContain('camera=()');
  });

  it('the production server gets the same headers as the build, whatever NODE_ENV says', async () => {
    const saved = process.env.NODE_ENV;
    (process.env as Record<string, string>).NODE_ENV = 'test';
    try {
      const [build, server] = await Promise.all([nextConfig(PHASE_PRODUCTION_BUILD).headers(), nextConfig(PHASE_PRODUCTION_SERVER).headers()]);
      expect(server).toEqual(build);
      expect(JSON.stringify(build)).not.toContain('unsafe');
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = saved;
    }
  });

  it('development: the same headers but HSTS', async () => {
    const dev = await headersFor('development');
    const prod = await headersFor('production');
    expect(dev.has('strict-transport-security')).toBe(false);
    prod.delete('strict-transport-security');
    expect(dev).toEqual(prod);
  });
});

describe('page policy (lib/security/csp.ts)', () => {
  it('production: scripts only by nonce and what they load; no unsafe-inline or unsafe-eval; no framing, plugins or foreign connections', () => {
    const csp = pageContentSecurityPolicy('bm9uY2U=', { dev: false });
    const d = directives(csp);
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'", 'https://github.com']);
    // Inline styles stay allowed (Tailwind, CodeMirror); a nonce in style-src would silently turn that off.
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.has('script-src-elem')).toBe(false);
  });

  it('development: eval and websockets for React dev tools and hot reload, nothing else changes', () => {
    const dev = directives(pageContentSecurityPolicy('bm9uY2U=', { dev: true }));
    const prod = directives(pageContentSecurityPolicy('bm9uY2U=', { dev: false }));
    expect(dev.get('script-src')).toEqual([...prod.get('script-src')!, "'unsafe-eval'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    dev.delete('script-src');
    dev.delete('connect-src');
    prod.delete('script-src');
    prod.delete('connect-src');
    expect(dev).toEqual(prod);
  });

  it('nonces: 128 random bits in base64, never repeated', () => {
    const nonces = Array.from({ length: 1000 }, () => createNonce());
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(new Set(nonces.map((n) => Buffer.from(n, 'base64').length))).toEqual(new Set([16]));
  });

  it('outside `next dev` (here NODE_ENV=test) the production policy is used', () => {
    expect(process.env.NODE_ENV).toBe('test');
    const { nonce, policy } = createPageCsp();
    expect(policy).toBe(pageContentSecurityPolicy(nonce, { dev: false }));
  });
});

describe('proxy.ts', () => {
  const matches = (url: string, headers?: Record<string, string>) => unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers });

  it('sees every page (and its .rsc payload), a dot in a non-final segment included, and nothing else', () => {
    for (const url of ['/', '/scenarios', '/scenarios/default-deny-ingress', '/drills', '/sign-in?callbackUrl=%2Fprogress', '/progress', '/cohorts/join', '/author/x/preview', '/no-such-page', '/a.b/c']) {
      expect([url, matches(url)]).toEqual([url, true]);
    }
    // The API (submit is the load benchmark's hot path), build assets, images, favicon, files.
    expect(matches('/scenarios.rsc')).toBe(true);
    for (const url of ['/api', '/api/health', '/api/scenarios/default-deny-ingress/attempts', '/api/drills/sessions/x/tasks/0/submit', '/api/auth/csrf', '/_next/static/chunks/main.js', '/_next/image?url=%2Fx.png&w=64&q=75', '/favicon.ico', '/robots.txt', '/wp-login.php']) {
      expect([url, matches(url)]).toEqual([url, false]);
    }
  });

  it('skips prefetches (router and browser)', () => {
    expect(matches('/scenarios', { 'next-router-prefetch': '1', rsc: '1' })).toBe(false);
    expect(matches('/scenarios', { purpose: 'prefetch' })).toBe(false);
    expect(matches('/scenarios', { rsc: '1' })).toBe(true);
  });

  it('hands rendering a fresh nonce in both request headers and sends the same policy; forged values are replaced', async () => {
    const request = new NextRequest('http://localhost/scenarios', { headers: { [NONCE_HEADER]: 'forged', 'content-security-policy': "script-src 'nonce-forged'" } });
    const first = await proxy(request);
    const second = await proxy(new NextRequest('http://localhost/scenarios'));
    expect(first.headers.get('x-middleware-next')).toBe('1');
    const policy = first.headers.get('content-security-policy')!;
    const nonce = nonceOf(policy)!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toBe(pageContentSecurityPolicy(nonce, { dev: false }));
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(first.headers.get('x-middleware-override-headers')?.split(',')).toEqual(expect.arrayContaining(['content-security-policy', NONCE_HEADER]));
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(first.headers.get(`x-middleware-request-${NONCE_HEADER}`)).toBe(nonce);
    expect(nonceOf(second.headers.get('content-security-policy')!)).not.toBe(nonce);
  });

  it('a redirect to sign-in (no document) carries no page policy and spends no nonce', async () => {
    const res = await proxy(new NextRequest('http://localhost/progress'));
    expect(res.status).toBe(307);
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-middleware-request-x-nonce')).toBeNull();
  });

  it('lets public pages through, also those sharing a prefix with a personal one (redirects: tests/integration/app/proxy.test.ts)', async () => {
    for (const path of ['/', '/scenarios', '/drills', '/progressive', '/authors-note', '/sign-in']) {
      const res = await proxy(new NextRequest(`http://localhost${path}`));
      expect([path, res.headers.get('x-middleware-next')]).toEqual([path, '1']);
    }
  });
});

/** The nonce attribute of every <script> tag in an HTML document, and how many of them are inline. */
function scriptTags(html: string): { nonces: (string | null)[]; inline: number } {
  const tags = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
  return {
    nonces: tags.map((attrs) => /\snonce="([^"]*)"/.exec(attrs)?.[1] ?? null),
    inline: tags.filter((attrs) => !/\ssrc=/.test(attrs)).length,
  };
}

describeBrowser('on a production server', () => {
  let app: TAppServer;
  let cookie: string;

  beforeAll(async () => {
    app = await startApp();
    cookie = await signUpHttp(app.baseUrl, uniqueEmail('csp'));
  }, 15 * 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function page(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; html: string; nonce: string | null }> {
    const res = await fetch(`${app.baseUrl}${path}`, { headers, redirect: 'manual' });
    const html = await res.text();
    return { res, html, nonce: nonceOf(res.headers.get('content-security-policy') ?? '') };
  }

  it('every page carries one nonce policy, and every <script> in its HTML (inline RSC payload included) carries that nonce', async () => {
    const pages: [string, Record<string, string>][] = [
      ['/', {}],
      ['/scenarios', {}],
      ['/scenarios/default-deny-ingress', {}],
      ['/drills', {}],
      ['/sign-in', {}],
      ['/sign-up', {}],
      ['/no-such-page', {}],
      ['/progress', { cookie }],
      ['/attempts', { cookie }],
      ['/cohorts', { cookie }],
    ];
    for (const [path, headers] of pages) {
      const { res, html, nonce } = await page(path, headers);
      expect([path, res.status]).toEqual([path, path === '/no-such-page' ? 404 : 200]);
      const csp = res.headers.get('content-security-policy')!;
      // One policy: the page's replaced next.config.js's (two headers would come back joined by a comma).
      expect([path, csp]).toEqual([path, pageContentSecurityPolicy(nonce!, { dev: false })]);
      expect([path, csp]).not.toEqual([path, expect.stringMatching(/unsafe-eval|'none'; base-uri 'none'/)]);
      expect(directives(csp).get('script-src')).not.toContain("'unsafe-inline'");
      const scripts = scriptTags(html);
      expect([path, scripts.inline > 0, scripts.nonces.length > scripts.inline]).toEqual([path, true, true]);
      expect([path, scripts.nonces]).toEqual([path, scripts.nonces.map(() => nonce)]);
      // The other headers are still there.
      expect([path, res.headers.get('x-frame-options'), res.headers.get('x-content-type-options')]).toEqual([path, 'DENY', 'nosniff']);
    }
  });

  it('two requests for the same page get different nonces (no page is served prerendered)', async () => {
    for (const path of ['/', '/scenarios', '/sign-in']) {
      const [a, b] = await Promise.all([page(path), page(path)]);
      expect(a.nonce).toBeTruthy();
      expect(b.nonce).toBeTruthy();
      expect([path, a.nonce === b.nonce]).toEqual([path, false]);
      expect(a.html).toContain(`nonce="${a.nonce}"`);
      expect(b.html).toContain(`nonce="${b.nonce}"`);
      expect(a.html).not.toContain(`nonce="${b.nonce}"`);
    }
  });

  it('a nonce sent by the client is not used', async () => {
    const { nonce, html } = await page('/scenarios', { 'x-nonce': 'AAAAAAAAAAAAAAAAAAAAAA==', 'content-security-policy': "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" });
    expect(nonce).not.toBe('AAAAAAAAAAAAAAAAAAAAAA==');
    expect(html).not.toContain('AAAAAAAAAAAAAAAAAAAAAA==');
  });

  it('a personal page without a session is redirected to sign-in (the proxy still does it)', async () => {
    const { res } = await page('/progress');
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!, app.baseUrl).pathname).toBe('/sign-in');
  });

  it('the API (including submit), build assets, files and prefetches do not go through the proxy: static policy, no nonce', async () => {
    const assetPath = /\/_next\/static\/[^"']+\.js/.exec((await page('/scenarios')).html)?.[0];
    expect(assetPath).toBeTruthy();
    const submit = await fetch(`${app.baseUrl}/api/scenarios/default-deny-ingress/attempts`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    const responses: [string, Response][] = [
      ['health', await fetch(`${app.baseUrl}/api/health`)],
      ['submit', submit],
      ['asset', await fetch(`${app.baseUrl}${assetPath}`)],
      ['file', await fetch(`${app.baseUrl}/no-such-file.txt`)],
      ['prefetch', await fetch(`${app.baseUrl}/scenarios`, { headers: { rsc: '1', 'next-router-prefetch': '1' } })],
    ];
    for (const [what, res] of responses) {
      await res.arrayBuffer();
      expect([what, res.headers.get('content-security-policy')]).toEqual([what, STATIC_CSP]);
      expect([what, res.headers.get('x-frame-options'), res.headers.get('x-powered-by')]).toEqual([what, 'DENY', null]);
    }
    expect(submit.status).toBe(400);
  });
});
