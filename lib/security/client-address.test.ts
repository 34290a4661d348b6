import { addressBucket, clientAddress, UNKNOWN_ADDRESS } from './client-address';

const h = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('clientAddress', () => {
  it('takes the rightmost entry with one trusted hop (what the ingress, or Next from the socket, wrote)', () => {
    expect(clientAddress(h('198.51.100.7'))).toBe('198.51.100.7');
    expect(clientAddress(h('6.6.6.6, 198.51.100.7'))).toBe('198.51.100.7');
  });

  it('skips the entries of trusted proxies when there are several', () => {
    expect(clientAddress(h('6.6.6.6, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7');
    expect(clientAddress(h('198.51.100.7'), 3)).toBe('198.51.100.7');
  });

  it('with no proxy (0 hops) takes the one entry the preload wrote from the socket', () => {
    expect(clientAddress(h('127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientAddress(h('6.6.6.6, 198.51.100.7'), 0)).toBe('198.51.100.7');
  });

  it('puts missing and garbage addresses into one bucket', () => {
    expect(clientAddress(h())).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h(' , '))).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h('not-an-ip'))).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h('1.2.3.4<script>'))).toBe(UNKNOWN_ADDRESS);
  });
});

describe('addressBucket', () => {
  it('keeps IPv4 and unwraps IPv4-mapped IPv6', () => {
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(addressBucket('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressBucket('[::ffff:203.0.113.9]')).toBe('203.0.113.9');
  });

  it('groups IPv6 by /64 (one subscriber holds a whole /64)', () => {
    expect(addressBucket('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64');
    expect(addressBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(addressBucket('2001:db8:1:3::1')).not.toBe(addressBucket('2001:db8:1:2::1'));
    expect(addressBucket('::1')).toBe('0000:0000:0000:0000::/64');
  });
});
