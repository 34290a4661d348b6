/**
 * Security headers as configured (next.config.js), in production and development. The same headers on real
 * responses, and the browser enforcing the CSP, are checked in tests/security/browser.test.ts.
 */
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';

type THeader = { key: string; value: string };

 
const nextConfig = require('../../next.config.js') as (phase: string) => { headers: () => Promise<{ source: string; headers: THeader[] }[]> };

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

describe('production', () => {
  it('CSP: no unsafe-eval anywhere, no framing, no plugins, no foreign scripts or connections', async () => {
    const h = await headersFor('production');
    const csp = directives(h.get('content-security-policy')!);
    expect(h.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('the other headers', async () => {
    const h = await headersFor('production');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(h.get('permissions-policy')).toContain('camera=()');
  });
});

it('the production server gets the same headers as the build, whatever NODE_ENV says', async () => {
  const saved = process.env.NODE_ENV;
  (process.env as Record<string, string>).NODE_ENV = 'test';
  try {
    const [build, server] = await Promise.all([nextConfig(PHASE_PRODUCTION_BUILD).headers(), nextConfig(PHASE_PRODUCTION_SERVER).headers()]);
    expect(server).toEqual(build);
    expect(JSON.stringify(build)).not.toContain('unsafe-eval');
  } finally {
    (process.env as Record<string, string | undefined>).NODE_ENV = saved;
  }
});

describe('development', () => {
  it('allows eval and websockets for React dev tools and hot reload, nothing else changes', async () => {
    const dev = await headersFor('development');
    const prod = await headersFor('production');
    const csp = directives(dev.get('content-security-policy')!);
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(dev.has('strict-transport-security')).toBe(false);
    expect([...dev.keys()].filter((k) => k !== 'strict-transport-security')).toEqual([...prod.keys()].filter((k) => k !== 'strict-transport-security'));
  });
});
