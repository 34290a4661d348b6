import { isIP } from 'node:net';

/** The bucket for requests whose address is missing or not an IP (they share one limit). */
export const UNKNOWN_ADDRESS = 'unknown';

// Expand an IPv6 address to 8 groups of 4 hex digits (handles `::` and an embedded IPv4 tail).
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.padStart(4, '0'));
}

/**
 * The rate-limit bucket of an address: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by its /64 prefix
 * (one subscriber usually holds a whole /64, so per-address limits on single IPv6 addresses would be void).
 */
export function addressBucket(raw: string): string {
  const ip = raw.trim().replace(/^\[|\]$/g, '');
  const kind = isIP(ip);
  if (kind === 4) return ip;
  if (kind !== 6) return UNKNOWN_ADDRESS;
  const groups = expandIPv6(ip);
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    const n = parseInt(groups[6], 16);
    const m = parseInt(groups[7], 16);
    return `${n >> 8}.${n & 255}.${m >> 8}.${m & 255}`;
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * True when client-address-preload.cjs runs in this process: it overwrites X-Forwarded-For with the socket's
 * address on every request, which is what TRUST_PROXY_HOPS=0 (no proxy) relies on.
 */
export function isSocketAddressPreloaded(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('netpol-lab.client-address-preload')] === true;
}

/**
 * The client's address bucket from X-Forwarded-For. The rightmost `trustedHops` entries are written by
 * infrastructure we trust (the ingress), so the client is the leftmost of those: entries further left are
 * whatever the client sent. `trustedHops` 0 means no proxy: the preload wrote the socket's address as the
 * only entry (Next itself fills the header from the socket only when the client sent none).
 */
export function clientAddress(headers: Headers, trustedHops = 1): string {
  const header = headers.get('x-forwarded-for');
  if (!header) return UNKNOWN_ADDRESS;
  const entries = header
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_ADDRESS;
  const pick = entries[Math.max(0, entries.length - Math.max(1, trustedHops))];
  return addressBucket(pick.slice(0, 64));
}
