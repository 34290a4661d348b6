import { NextResponse, type NextRequest } from 'next/server';
import { outagePageResponse } from '@/lib/db/outage-gate';
import { createPageCsp, cspRequestHeaders, withCspHeader } from '@/lib/security/csp';

// next-auth v4's session cookie names (the secure one is used when NEXTAUTH_URL is https).
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/** Pages that only make sense signed in (each prefix also covers the pages below it). */
export const PERSONAL_PAGES = ['/progress', '/attempts', '/drills/session', '/author', '/cohorts'];

function isPersonalPage(pathname: string): boolean {
  return PERSONAL_PAGES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * A redirect to sign-in for a personal page requested without a session cookie, else null. Only a redirect for
 * comfort: every page and route handler checks the session itself.
 */
export function signInRedirect(request: NextRequest): NextResponse | null {
  if (!isPersonalPage(request.nextUrl.pathname)) return null;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (hasSession) return null;
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/**
 * Every page request: the gates in order (the first that answers ends the request; an answer that is a document
 * of its own sets its own CSP), then rendering with a fresh CSP nonce that Next puts on its scripts.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // While the database is unreachable, pages answer 503 with their own document (and its own strict CSP).
  const outage = await outagePageResponse(request);
  if (outage) return outage;
  const redirect = signInRedirect(request);
  if (redirect) return redirect;
  const csp = createPageCsp();
  return withCspHeader(NextResponse.next({ request: { headers: cspRequestHeaders(request.headers, csp) } }), csp);
}

/**
 * All pages; not the API (route handlers answer 401/503 themselves, and submit is the load benchmark's hot path),
 * build assets, the favicon or any path with a file extension but `.rsc` (a page's RSC payload); they keep
 * next.config.js's static policy. Prefetches skip it too (docs' advice): their RSC payload has no scripts to
 * nonce, and the page checks the session itself.
 */
export const config = {
  matcher: [
    {
      source: '/((?!api(?:/|$)|_next/static|_next/image|favicon\\.ico|.*\\.(?!rsc$)[^/]*$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
