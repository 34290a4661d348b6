/**
 * Pages answer 503 while the database is down (issue 8, item 2), called from proxy.ts.
 *
 * Why in the proxy: with the App Router a page's status is sent before its data loads, so a page that finds the
 * database gone can only render a notice with 200. The proxy runs before rendering and can answer 503 itself.
 * The decision costs a flag read while the database is up (lib/db sets the flag when a statement fails to reach
 * the server and clears it on any success); while flagged, at most one `SELECT 1` per second finds the way back.
 * Imports no Prisma (see outage-gate-state.ts): the probe is registered by lib/db/client.ts.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isOutageGatedRequest, OUTAGE_PAGE_CSP, OUTAGE_RETRY_AFTER_SECONDS, renderOutagePage } from './outage-gate-core';
import { checkDatabaseOutage } from './outage-gate-state';

/**
 * A 503 "database unavailable" document for page requests (documents and RSC navigations) while the database
 * is unreachable; null to go on (database up, or not a page: /api, /_next, files, POSTs).
 */
export async function outagePageResponse(request: NextRequest): Promise<NextResponse | null> {
  if (!isOutageGatedRequest({ method: request.method, pathname: request.nextUrl.pathname })) return null;
  const status = await checkDatabaseOutage();
  if (!status.down) return null;
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS),
    'content-security-policy': OUTAGE_PAGE_CSP,
  };
  // An RSC navigation that gets HTML instead of a flight payload makes the client router load the URL as a
  // document, which then gets this same page: the user sees it either way.
  const body = request.method === 'HEAD' ? null : renderOutagePage({ reason: status.reason, since: status.since });
  return new NextResponse(body, { status: 503, headers });
}
