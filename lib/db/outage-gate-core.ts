/**
 * The pure part of the database outage gate (issue 8, item 2): which requests are pages, what the gate does
 * for a given state, and the 503 document. No I/O and no globals here; the state lives in outage-gate-state.ts
 * and the Next.js glue in outage-gate.ts.
 */
import { createHash } from 'node:crypto';

/** Seconds a client should wait before asking again (Retry-After and the document's own refresh). */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** At most one probe (`SELECT 1`) per this many milliseconds while the database is flagged unreachable. */
export const OUTAGE_PROBE_INTERVAL_MS = 1_000;

/** A probe gives up after this long (a network black hole: connections accepted, never answered). */
export const OUTAGE_PROBE_TIMEOUT_MS = 1_000;

/**
 * The request that starts a probe waits for it at most this long, then answers from the flag while the probe
 * finishes in the background: a database that is back answers `SELECT 1` well within it (so that request already
 * gets its page), and during a black hole no page waits for the probe's full timeout.
 */
export const OUTAGE_PROBE_WAIT_MS = 250;

/** The parts of a request the gate looks at. */
export type TGateRequest = { method: string; pathname: string };

// The last path segment has an extension: a file (favicon.ico, robots.txt, icon.png), not a page. `.rsc` is
// the exception: that suffix names a page's RSC payload.
const FILE_EXTENSION = /\.[A-Za-z0-9]+$/;

/**
 * True when the request asks for a page (HTML document or RSC navigation/prefetch): GET or HEAD, outside
 * `/api` (route handlers answer 503 with JSON themselves), `/_next` (build assets, images) and files.
 * POSTs (server actions, sign-in) are never gated: their handlers map the outage to an answer of their own.
 */
export function isOutageGatedRequest({ method, pathname }: TGateRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  if (pathname === '/_next' || pathname.startsWith('/_next/')) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !FILE_EXTENSION.test(last) || last.endsWith('.rsc');
}

/** What the gate knows when a page request arrives. */
export type TOutageView = {
  /** Epoch ms of the first failure of the current outage; null while the database is believed reachable. */
  unreachableSince: number | null;
  /** Epoch ms of the last probe started (0 = never). */
  lastProbeAt: number;
  /** A probe is running right now. */
  probing: boolean;
  /** lib/db registered a probe (it has created the process-wide client). */
  canProbe: boolean;
};

/** `pass`: let the request through; `probe`: run one probe now, then decide; `block`: answer 503 now. */
export type TOutageStep = 'pass' | 'probe' | 'block';

/**
 * The gate's decision for one page request, in order:
 * 1. not flagged → pass (the only cost while the database is up is this one comparison);
 * 2. flagged, a probe may run (none running, none in the last interval) → probe;
 * 3. otherwise → block with the flag as it stands.
 */
export function nextOutageStep(view: TOutageView, now: number, intervalMs = OUTAGE_PROBE_INTERVAL_MS): TOutageStep {
  if (view.unreachableSince === null) return 'pass';
  if (view.canProbe && !view.probing && now - view.lastProbeAt >= intervalMs) return 'probe';
  return 'block';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// The look of the app's amber notice (app/_components/service-unavailable.tsx) without its CSS bundle, whose
// hashed file name the gate cannot know. Inline, allowed by its hash in the document's own CSP.
const OUTAGE_STYLE = [
  'body{margin:0;min-height:100vh;background:#f8fafc;color:#0f172a;font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  'header{background:#0f172a;color:#fff;padding:12px 16px;font-weight:600}',
  'main{max-width:36rem;margin:48px auto;padding:0 16px}',
  '.notice{border:1px solid #fcd34d;background:#fffbeb;color:#78350f;border-radius:8px;padding:20px}',
  'h1{font-size:1.25rem;margin:0 0 8px}',
  'p{margin:8px 0 0}',
  '.meta{font-size:.8125rem;color:#92400e}',
  'a{color:#0369a1}',
].join('');

/** Content-Security-Policy of the 503 document: no scripts at all, only its own inline style (by hash). */
export const OUTAGE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(OUTAGE_STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The 503 document: says what is wrong in plain words and reloads itself every Retry-After seconds (a meta
 * refresh, so it needs no script and works under any CSP). `reason` is one of databaseUnavailableReason's
 * short phrases, never an error message; `since` is when the outage was first seen.
 */
export function renderOutagePage({ reason, since }: { reason: string; since: number }): string {
  const sinceText = `${new Date(since).toISOString().slice(11, 19)} UTC`;
  return [
    '<!doctype html>',
    '<html lang="en"><head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="refresh" content="${OUTAGE_RETRY_AFTER_SECONDS}">`,
    '<meta name="robots" content="noindex">',
    '<title>Database unavailable · Netpol Lab</title>',
    `<style>${OUTAGE_STYLE}</style>`,
    '</head><body>',
    '<header>Netpol Lab</header>',
    '<main><div class="notice" role="alert">',
    '<h1>The database is unavailable</h1>',
    `<p>The server cannot reach its database right now, so this page cannot be shown. It retries by itself every ${OUTAGE_RETRY_AFTER_SECONDS} seconds and appears as soon as the database is back.</p>`,
    `<p class="meta">Unavailable since ${escapeHtml(sinceText)} (${escapeHtml(reason)}).</p>`,
    '<p><a href="">Retry now</a></p>',
    '</div></main>',
    '</body></html>',
    '',
  ].join('\n');
}
