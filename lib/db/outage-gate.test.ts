import { NextRequest } from 'next/server';
import { outagePageResponse } from './outage-gate';
import { OUTAGE_PAGE_CSP, OUTAGE_RETRY_AFTER_SECONDS } from './outage-gate-core';
import { getOutageState, markDatabaseReachable, markDatabaseUnreachable, registerDatabaseProbe, type TOutageState } from './outage-gate-state';

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(`http://127.0.0.1:3000${path}`, init);

describe('outagePageResponse', () => {
  const state = getOutageState();
  let saved: TOutageState;
  let probeCalls = 0;
  let probeAnswer: string | null = 'database unreachable';

  beforeEach(() => {
    saved = { ...state };
    probeCalls = 0;
    probeAnswer = 'database unreachable';
    state.lastProbeAt = 0;
    registerDatabaseProbe(async () => {
      probeCalls++;
      return probeAnswer;
    });
  });
  afterEach(() => {
    Object.assign(state, saved);
  });

  it('lets everything through while the database is up, without probing', async () => {
    markDatabaseReachable();
    for (const path of ['/scenarios', '/progress', '/api/health']) expect(await outagePageResponse(request(path))).toBeNull();
    expect(probeCalls).toBe(0);
  });

  it('answers pages with 503, Retry-After and the notice while the database is down', async () => {
    markDatabaseUnreachable('database unreachable');
    for (const path of ['/scenarios', '/scenarios/default-deny-ingress', '/progress', '/drills', '/attempts']) {
      const res = await outagePageResponse(request(path));
      expect([path, res?.status]).toEqual([path, 503]);
      expect(res!.headers.get('retry-after')).toBe(String(OUTAGE_RETRY_AFTER_SECONDS));
      expect(res!.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res!.headers.get('cache-control')).toBe('no-store');
      expect(res!.headers.get('content-security-policy')).toBe(OUTAGE_PAGE_CSP);
      const text = await res!.text();
      expect(text).toContain('The database is unavailable');
      expect(text).toContain('(database unreachable)');
    }
    // Many requests inside one second: one probe.
    expect(probeCalls).toBe(1);
  });

  it('answers RSC navigations too, and HEAD without a body', async () => {
    markDatabaseUnreachable('database unreachable');
    const rsc = await outagePageResponse(request('/scenarios?_rsc=abc', { headers: { rsc: '1' } }));
    expect(rsc?.status).toBe(503);
    const head = await outagePageResponse(request('/progress', { method: 'HEAD' }));
    expect(head?.status).toBe(503);
    expect(await head!.text()).toBe('');
  });

  it('leaves APIs, assets and POSTs to their handlers even while the database is down', async () => {
    markDatabaseUnreachable('database unreachable');
    expect(await outagePageResponse(request('/api/progress'))).toBeNull();
    expect(await outagePageResponse(request('/_next/static/chunks/main.js'))).toBeNull();
    expect(await outagePageResponse(request('/favicon.ico'))).toBeNull();
    expect(await outagePageResponse(request('/sign-in', { method: 'POST' }))).toBeNull();
  });

  it('goes on as soon as a probe finds the database back', async () => {
    markDatabaseUnreachable('database unreachable');
    probeAnswer = null;
    expect(await outagePageResponse(request('/scenarios'))).toBeNull();
    expect(state.unreachableSince).toBeNull();
    expect(probeCalls).toBe(1);
  });
});
