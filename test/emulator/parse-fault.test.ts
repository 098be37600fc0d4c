import { describe, expect, it } from 'vitest';
import { formatFault, parseFault, type FaultSpec } from '../../src/emulator/server.js';

describe('parseFault', () => {
  it.each<[string, FaultSpec]>([
    ['throttle', { kind: 'throttle' }],
    ['throttle:2', { kind: 'throttle', count: 2 }],
    ['500', { kind: '500' }],
    ['503:1', { kind: '503', count: 1 }],
    ['reset:3', { kind: 'reset', count: 3 }],
    ['malformed', { kind: 'malformed' }],
    ['unsupported', { kind: 'unsupported' }],
    ['expired-creds:1', { kind: 'expired-creds', count: 1 }],
    ['denied', { kind: 'denied' }],
    ['past-expiry', { kind: 'past-expiry' }],
    ['slow:1500', { kind: 'slow', ms: 1500 }],
    ['slow:1500:3', { kind: 'slow', ms: 1500, count: 3 }],
    ['skew:-600', { kind: 'skew', seconds: -600 }],
    ['skew:300:2', { kind: 'skew', seconds: 300, count: 2 }],
  ])('reads %s', (text, spec) => {
    expect(parseFault(text)).toEqual(spec);
    expect(formatFault(spec)).toBe(text);
  });

  it.each([
    ['', /unknown fault kind ""/],
    ['teapot', /unknown fault kind "teapot".*known: throttle, 500, 503/],
    ['throttle:0', /COUNT must be at least 1/],
    ['throttle:two', /COUNT must be an integer/],
    ['throttle:1:2', /too many parts/],
    ['slow', /MS must be an integer/],
    ['slow:-5', /MS must be at least 0/],
    ['slow:1.5', /MS must be an integer/],
    ['skew', /SECONDS must be an integer/],
    ['skew:ten', /SECONDS must be an integer/],
    ['slow:10:1:1', /too many parts/],
  ])('rejects %j with a one-line message', (text, message) => {
    expect(() => parseFault(text)).toThrow(message);
    try {
      parseFault(text);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
