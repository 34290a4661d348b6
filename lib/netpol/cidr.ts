import type { Cidr } from './types';

/** A parsed IP address: family and value as an unsigned bigint (32 or 128 bits). */
export type ParsedIp = { family: 4 | 6; value: bigint };

const V4_PART = /^[0-9]{1,3}$/;
const V6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    // Leading zeros are read as decimal, like Go's netutils.ParseIPSloppy (the API server's legacy parser).
    if (!V4_PART.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(text: string): bigint | null {
  if (text.length === 0 || text.includes(':::')) return null;
  const zone = text.indexOf('%');
  if (zone >= 0) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (v4 === null) return null;
        out.push(Number((v4 >> 16n) & 0xffffn), Number(v4 & 0xffffn));
      } else {
        if (!V6_GROUP.test(p)) return null;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  if (head === null) return null;
  let groups: number[];
  if (halves.length === 2) {
    const tail = groupsOf(halves[1]);
    if (tail === null) return null;
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

/** Parses an IPv4/IPv6 address to family + bigint; null when invalid. */
export function parseIp(text: string): ParsedIp | null {
  if (typeof text !== 'string') return null;
  if (text.includes(':')) {
    const v = parseV6(text);
    return v === null ? null : { family: 6, value: v };
  }
  const v = parseV4(text);
  return v === null ? null : { family: 4, value: v };
}

/** Canonical text of an address (IPv6 compressed as RFC 5952). */
export function formatIp(ip: ParsedIp): string {
  if (ip.family === 4) {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((s) => String(Number((v >> s) & 0xffn))).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // Longest run (≥2) of zero groups is compressed, first one on ties.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function maskOf(family: 4 | 6, prefix: number): bigint {
  const bits = family === 4 ? 32 : 128;
  const all = (1n << BigInt(bits)) - 1n;
  return (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
}

/** Parses a CIDR (host bits masked); null when invalid. `hostBits` tells whether bits were set after the prefix. */
export function parseCidr(text: string): (Cidr & { hostBits: boolean; address: ParsedIp }) | null {
  if (typeof text !== 'string') return null;
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === null || !/^[0-9]{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const bits = ip.family === 4 ? 32 : 128;
  if (prefix > bits) return null;
  const mask = maskOf(ip.family, prefix);
  const base = ip.value & mask;
  const masked = `${formatIp({ family: ip.family, value: base })}/${prefix}`;
  return { family: ip.family, base, prefix, mask, text: masked, hostBits: base !== ip.value, address: ip };
}

/** True when the address lies in the CIDR (same family). */
export function cidrContains(c: Cidr, ip: ParsedIp): boolean {
  return c.family === ip.family && (ip.value & c.mask) === c.base;
}
