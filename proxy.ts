import { NextResponse, type NextRequest } from 'next/server';

// next-auth v4's session cookie names (the secure one is used when NEXTAUTH_URL is https).
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * Send visitors without a session cookie to sign-in before they reach the personal pages.
 * Only a redirect for comfort: every page and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/**
 * Personal pages only (`:path*` also matches the bare path); public pages, the drill catalogue and all APIs
 * (which answer 401 themselves) are not touched.
 */
export const config = {
  matcher: ['/progress/:path*', '/attempts/:path*', '/drills/session/:path*', '/author/:path*', '/cohorts/:path*'],
};
