/** The Content-Security-Policy of one page request: its nonce and the header value that carries it. */
export type TPageCsp = { nonce: string; policy: string };

/** The request header Server Components read the nonce from (`(await headers()).get(NONCE_HEADER)`). */
export const NONCE_HEADER = 'x-nonce';

/** A fresh nonce: 128 random bits, base64 (the CSP `base64-value` grammar). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for an HTML page rendered for this request. Scripts: only those carrying this request's nonce,
 * and (`'strict-dynamic'`) the chunks they load; Next reads the nonce from the request's CSP header and puts it
 * on its own scripts, including the inline RSC payload, so no `'unsafe-inline'`. `'self'` only matters to
 * browsers without CSP 3 (they ignore `'strict-dynamic'`). Never `'unsafe-eval'` outside `next dev` (React's dev
 * build uses eval to rebuild server stacks; the dev server also needs websockets for hot reload).
 */
export function pageContentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Tailwind and CodeMirror set inline styles. No nonce here on purpose: a nonce would disable 'unsafe-inline'.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    'media-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    // GitHub sign-in posts to our origin and is redirected to github.com.
    'form-action': ["'self'", 'https://github.com'],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  };
  // No upgrade-insecure-requests: `npm start` and docker compose serve plain http on localhost or a LAN address.
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A new nonce and its page policy; `next dev` is the only development mode (a NODE_ENV=test build is production). */
export function createPageCsp(dev = process.env.NODE_ENV === 'development'): TPageCsp {
  const nonce = createNonce();
  return { nonce, policy: pageContentSecurityPolicy(nonce, { dev }) };
}

/**
 * The request headers to render with: Next takes the nonce for its scripts from the request's
 * `content-security-policy`, our components from `x-nonce`. Incoming values are replaced, never trusted.
 */
export function cspRequestHeaders(incoming: Headers, csp: TPageCsp): Headers {
  const headers = new Headers(incoming);
  headers.set('content-security-policy', csp.policy);
  headers.set(NONCE_HEADER, csp.nonce);
  return headers;
}

/**
 * Put the page policy on a response the proxy answers with (pass-through, redirect, or an error page of its
 * own); it replaces the static policy next.config.js sets on every path.
 */
export function withCspHeader<T extends Response>(response: T, csp: TPageCsp): T {
  response.headers.set('content-security-policy', csp.policy);
  return response;
}
