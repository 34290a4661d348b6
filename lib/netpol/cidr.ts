import type { Cidr } from './types';

/** Parses an IPv4/IPv6 address to family + bigint; null when invalid. */
export function parseIp(text: string): { family: 4 | 6; value: bigint } | null {
  void text;
  throw new Error('not implemented');
}

/** Parses a CIDR (host bits masked); null when invalid. `hostBits` tells whether bits were set after the prefix. */
export function parseCidr(text: string): (Cidr & { hostBits: boolean }) | null {
  void text;
  throw new Error('not implemented');
}

/** True when the address lies in the CIDR (same family). */
export function cidrContains(c: Cidr, ip: { family: 4 | 6; value: bigint }): boolean {
  void c; void ip;
  throw new Error('not implemented');
}
