import { cidrContains, formatIp, parseCidr, parseIp } from './cidr';

describe('parseIp / formatIp', () => {
  it.each([
    ['10.0.0.1', 4, 0x0a000001n],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['010.000.000.001', 4, 0x0a000001n], // legacy parser: leading zeros are decimal
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:db8::7', 6, 0x20010db8000000000000000000000007n],
    ['::ffff:10.0.0.1', 6, 0xffff0a000001n],
  ])('%s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  it.each(['', '10.0.0', '10.0.0.256', '1.2.3.4.5', 'a.b.c.d', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', '1::2::3', 'fe80::1%eth0', '::g'])('rejects %s', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('formats IPv6 as RFC 5952 (longest zero run compressed, lowercase)', () => {
    expect(formatIp(parseIp('2001:0DB8:0000:0000:0000:0000:0000:0001')!)).toBe('2001:db8::1');
    expect(formatIp(parseIp('1:0:0:2:0:0:0:3')!)).toBe('1:0:0:2::3');
    expect(formatIp(parseIp('1:0:2:3:4:5:6:7')!)).toBe('1:0:2:3:4:5:6:7');
    expect(formatIp(parseIp('10.1.2.3')!)).toBe('10.1.2.3');
  });
});

describe('parseCidr / cidrContains', () => {
  it('parses and masks host bits, telling whether any were set', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual(expect.objectContaining({ family: 4, prefix: 8, text: '10.0.0.0/8', hostBits: true }));
    expect(parseCidr('10.0.0.0/8')).toEqual(expect.objectContaining({ hostBits: false }));
    expect(parseCidr('2001:db8::1/32')).toEqual(expect.objectContaining({ family: 6, text: '2001:db8::/32', hostBits: true }));
    expect(parseCidr('0.0.0.0/0')?.text).toBe('0.0.0.0/0');
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0.0/a', '/8'])('rejects %s', (t) => {
    expect(parseCidr(t)).toBeNull();
  });

  it('contains addresses of the same family inside the prefix only', () => {
    const c = parseCidr('192.168.0.0/16')!;
    expect(cidrContains(c, parseIp('192.168.255.255')!)).toBe(true);
    expect(cidrContains(c, parseIp('192.169.0.0')!)).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
    expect(cidrContains(parseCidr('::/0')!, parseIp('::1')!)).toBe(true);
    expect(cidrContains(parseCidr('10.0.0.5/32')!, parseIp('10.0.0.5')!)).toBe(true);
    expect(cidrContains(parseCidr('10.0.0.5/32')!, parseIp('10.0.0.4')!)).toBe(false);
  });
});
