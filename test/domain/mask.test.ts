import { describe, expect, it } from 'vitest';
import { maskToken } from '../../src/domain/mask.js';

describe('maskToken', () => {
  const long = `eyJhbG${'x'.repeat(1378)}Q0fA`;

  it.each([
    { token: long, options: undefined, masked: `eyJhbG…Q0fA (1388 chars)` },
    { token: 'abcdefghij0123456789ABCDEFGHIJ0123456789', options: undefined, masked: 'abcdef…6789 (40 chars)' },
    { token: 'abcdefghij0123456789ABCDEFGHIJ012345678', options: undefined, masked: '•••••• (39 chars)' },
    { token: 'short', options: undefined, masked: '•••••• (5 chars)' },
    { token: '', options: undefined, masked: '•••••• (0 chars)' },
    { token: long, options: { head: 3, tail: 2 }, masked: `eyJ…fA (1388 chars)` },
  ])('$masked', ({ token, options, masked }) => {
    expect(maskToken(token, options)).toBe(masked);
  });

  it('never contains the hidden middle', () => {
    const token = `AAAAAA${'SECRET'.repeat(20)}ZZZZ`;
    expect(maskToken(token)).not.toContain('SECRET');
  });
});
