import { createHash } from 'node:crypto';
import { escapeHtml, isOutageGatedRequest, nextOutageStep, OUTAGE_PAGE_CSP, OUTAGE_RETRY_AFTER_SECONDS, renderOutagePage, type TOutageView } from './outage-gate-core';

describe('isOutageGatedRequest', () => {
  it('gates page requests (documents and RSC payloads), GET and HEAD', () => {
    for (const pathname of ['/', '/scenarios', '/scenarios/default-deny-ingress', '/progress', '/drills/session/abc', '/sign-in', '/scenarios.rsc']) {
      expect([pathname, isOutageGatedRequest({ method: 'GET', pathname })]).toEqual([pathname, true]);
    }
    expect(isOutageGatedRequest({ method: 'HEAD', pathname: '/attempts' })).toBe(true);
  });

  it('never gates APIs, Next assets, files or non-GET requests', () => {
    for (const pathname of ['/api', '/api/health', '/api/scenarios/x/attempts', '/_next/static/chunks/a.js', '/_next/image', '/favicon.ico', '/robots.txt', '/icon.png']) {
      expect([pathname, isOutageGatedRequest({ method: 'GET', pathname })]).toEqual([pathname, false]);
    }
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect([method, isOutageGatedRequest({ method, pathname: '/sign-in' })]).toEqual([method, false]);
    }
  });

  it('does not mistake a page whose name starts like /api for an API', () => {
    expect(isOutageGatedRequest({ method: 'GET', pathname: '/apiary' })).toBe(true);
  });
});

describe('nextOutageStep', () => {
  const up: TOutageView = { unreachableSince: null, lastProbeAt: 0, probing: false, canProbe: true };
  const down: TOutageView = { unreachableSince: 1_000, lastProbeAt: 0, probing: false, canProbe: true };

  it('passes while the database is believed up, whatever else holds', () => {
    expect(nextOutageStep(up, 5_000)).toBe('pass');
    expect(nextOutageStep({ ...up, probing: true, canProbe: false }, 5_000)).toBe('pass');
  });

  it('probes when flagged and no probe ran within the interval', () => {
    expect(nextOutageStep(down, 5_000)).toBe('probe');
    expect(nextOutageStep({ ...down, lastProbeAt: 4_000 }, 5_000)).toBe('probe');
  });

  it('blocks without probing inside the interval, during a probe, or with no probe registered', () => {
    expect(nextOutageStep({ ...down, lastProbeAt: 4_500 }, 5_000)).toBe('block');
    expect(nextOutageStep({ ...down, probing: true }, 5_000)).toBe('block');
    expect(nextOutageStep({ ...down, canProbe: false }, 5_000)).toBe('block');
  });
});

describe('renderOutagePage', () => {
  const html = renderOutagePage({ reason: 'database unreachable', since: Date.UTC(2026, 10, 26, 9, 41, 7) });

  it('says what is wrong, when it started, and that it retries by itself', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>The database is unavailable</h1>');
    expect(html).toContain('retries by itself');
    expect(html).toContain('Unavailable since 09:41:07 UTC (database unreachable).');
    expect(html).toContain(`<meta http-equiv="refresh" content="${OUTAGE_RETRY_AFTER_SECONDS}">`);
  });

  it('has no script, and its inline style is the one the CSP allows by hash', () => {
    expect(html).not.toMatch(/<script/i);
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(style.length).toBeGreaterThan(100);
    expect(OUTAGE_PAGE_CSP).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(OUTAGE_PAGE_CSP).toContain("default-src 'none'");
    expect(OUTAGE_PAGE_CSP).not.toContain('unsafe-inline');
  });

  it('escapes the reason', () => {
    expect(renderOutagePage({ reason: '<b>"x"</b>', since: 0 })).toContain('(&lt;b&gt;&quot;x&quot;&lt;/b&gt;)');
    expect(escapeHtml(`a&b'c`)).toBe('a&amp;b&#39;c');
  });
});
