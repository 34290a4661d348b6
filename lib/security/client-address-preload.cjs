/**
 * No-proxy mode for the client address (TRUST_PROXY_HOPS=0), loaded with
 * `NODE_OPTIONS=--require=./lib/security/client-address-preload.cjs` (the Docker image sets it).
 *
 * Why: Next's server only fills X-Forwarded-For from the socket when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js), and route
 * handlers get no other trace of the peer address. Exposed without a proxy, a client can therefore send any
 * X-Forwarded-For and pick its own rate-limit bucket. With TRUST_PROXY_HOPS=0 this preload replaces the header
 * with the socket's address on every request before Next sees it, so what route handlers read is the peer.
 * With any other value it does nothing: a trusted proxy in front writes the header.
 */
'use strict';

const http = require('node:http');

/** The flag lib/env.ts checks: TRUST_PROXY_HOPS=0 without this preload would trust a forged header. */
const PRELOADED = Symbol.for('netpol-lab.client-address-preload');

if (process.env.TRUST_PROXY_HOPS === '0' && !globalThis[PRELOADED]) {
  const emit = http.Server.prototype.emit;
  // `checkContinue` stands in for `request` when a body is sent with `Expect: 100-continue` and a listener exists.
  http.Server.prototype.emit = function emitWithSocketAddress(event, req, ...rest) {
    if ((event === 'request' || event === 'checkContinue') && req && req.headers) {
      const peer = req.socket && req.socket.remoteAddress;
      if (peer) req.headers['x-forwarded-for'] = peer;
      else delete req.headers['x-forwarded-for'];
    }
    return emit.call(this, event, req, ...rest);
  };
  globalThis[PRELOADED] = true;
}
