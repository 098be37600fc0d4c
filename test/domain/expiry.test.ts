import { describe, expect, it } from 'vitest';
import { expiryPhase, formatLocal, formatRemaining, formatUtc, remainingMs } from '../../src/domain/expiry.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('formatRemaining', () => {
  it.each([
    [H, '1:00:00'],
    [H - S, '59:59'],
    [H - 2 * S, '59:58'],
    [H - 1500, '59:59'],
    [H + 2 * M + 3 * S, '1:02:03'],
    [10 * H + 5 * S, '10:00:05'],
    [4 * M + 5 * S, '4:05'],
    [7 * S, '0:07'],
    [1, '0:01'],
    [0, '0:00'],
    [-5 * S, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('expiryPhase', () => {
  it.each([
    [H, 'ok'],
    [5 * M, 'ok'],
    [5 * M - S, 'warning'],
    [M, 'warning'],
    [M - S, 'critical'],
    [1, 'critical'],
    [0, 'expired'],
    [-M, 'expired'],
  ] as const)('%i ms → %s', (ms, phase) => {
    expect(expiryPhase(ms)).toBe(phase);
  });
});

describe('remainingMs', () => {
  it('is expiresAt minus now', () => {
    expect(remainingMs(new Date(10_000), 4_000)).toBe(6_000);
    expect(remainingMs(new Date(10_000), 12_000)).toBe(-2_000);
  });
});

describe('formatting the expiry time', () => {
  const at = new Date(Date.UTC(2025, 10, 28, 13, 3, 12));

  it('in UTC', () => {
    expect(formatUtc(at)).toBe('2025-11-28 13:03:12 UTC');
  });

  it.each([
    [60, '2025-11-28 14:03:12 +01:00'],
    [0, '2025-11-28 13:03:12 +00:00'],
    [-300, '2025-11-28 08:03:12 -05:00'],
    [330, '2025-11-28 18:33:12 +05:30'],
    [-660, '2025-11-28 02:03:12 -11:00'],
    [780, '2025-11-29 02:03:12 +13:00'],
  ])('in local time at offset %i minutes', (offset, text) => {
    expect(formatLocal(at, offset)).toBe(text);
  });

  it('uses the machine offset by default', () => {
    expect(formatLocal(at)).toBe(formatLocal(at, -at.getTimezoneOffset()));
  });
});
