import { describe, expect, it } from 'vitest';
import { endpointHost, isHostName, isIpv4, isIpv6, isPort } from '../../src/domain/endpoint-address.js';

describe('endpointHost', () => {
  it.each<[string, { host: string; ipv6: boolean } | null]>([
    ['analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com', { host: 'analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com', ipv6: false }],
    ['localhost', { host: 'localhost', ipv6: false }],
    ['a', { host: 'a', ipv6: false }],
    ['9lives.example.com', { host: '9lives.example.com', ipv6: false }],
    [`${'a'.repeat(63)}.com`, { host: `${'a'.repeat(63)}.com`, ipv6: false }],
    ['10.0.12.7', { host: '10.0.12.7', ipv6: false }],
    ['255.255.255.255', { host: '255.255.255.255', ipv6: false }],
    ['[::1]', { host: '::1', ipv6: true }],
    ['::1', { host: '::1', ipv6: true }],
    ['[2001:db8::8a2e:370:7334]', { host: '2001:db8::8a2e:370:7334', ipv6: true }],
    ['2001:0db8:0000:0000:0000:8a2e:0370:7334', { host: '2001:0db8:0000:0000:0000:8a2e:0370:7334', ipv6: true }],
    ['[::ffff:192.0.2.1]', { host: '::ffff:192.0.2.1', ipv6: true }],
    // refused
    ['', null],
    ['evil.com@attacker.example', null],
    ['host.example.com/path', null],
    ['host.example.com?x=1', null],
    ['host.example.com#frag', null],
    ['host.example.com:5439', null],
    ['host example.com', null],
    ['host\u001b]52;c;QQ==\u0007.example.com', null],
    ['host\r\n.example.com', null],
    ['-leading.example.com', null],
    ['trailing-.example.com', null],
    ['double..dot', null],
    ['trailing.dot.', null],
    ['under_score.example.com', null],
    ['café.example.com', null],
    [`${'a'.repeat(64)}.com`, null],
    [`${'a.'.repeat(127)}ab`, null],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['[1.2.3.4]', null],
    ['[::1', null],
    ['[fe80::1%eth0]', null],
    ['1::2::3', null],
    ['1:2:3:4:5:6:7:8:9', null],
    ['[12345::]', null],
  ])('%j', (address, expected) => {
    expect(endpointHost(address)).toEqual(expected);
  });

  it('a host name is at most 253 characters', () => {
    const name = `${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.ee`;
    expect(name).toHaveLength(250);
    expect(isHostName(name)).toBe(true);
    expect(isHostName(`${name}eeee`)).toBe(false);
  });

  it.each([
    ['0.0.0.0', true],
    ['01.2.3.4', false],
    ['1.2.3.04', false],
  ])('isIpv4(%j) is %s', (text, ok) => {
    expect(isIpv4(text)).toBe(ok);
  });

  it.each([
    ['::', true],
    ['1:2:3:4:5:6:7::', true],
    ['1:2:3:4:5:6::1.2.3.4', false], // :: stands for at least one group
    ['1:2:3:4:5:6:7:1.2.3.4', false],
    [':1', false],
  ])('isIpv6(%j) is %s', (text, ok) => {
    expect(isIpv6(text)).toBe(ok);
  });
});

describe('isPort', () => {
  it.each([
    [1, true],
    [5439, true],
    [65535, true],
    [0, false],
    [65536, false],
    [-1, false],
    [54.39, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%s → %s', (port, ok) => {
    expect(isPort(port)).toBe(ok);
  });
});
