import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyForChar, splitKeys } from '../../src/ui/split-keys.js';

const on = (key: Key): string[] =>
  Object.entries(key)
    .filter(([, v]) => v === true)
    .map(([k]) => k);

describe('keyForChar', () => {
  it.each([
    ['\r', '', ['return']],
    ['\t', '', ['tab']],
    ['\b', '', ['backspace']],
    ['\u007F', '', ['delete']],
    ['\u0012', 'r', ['ctrl']],
    ['\u0003', 'c', ['ctrl']],
    ['j', 'j', []],
    ['P', 'P', ['shift']],
    [' ', ' ', []],
    ['é', 'é', []],
  ])('%j → input %j with %j', (ch, input, flags) => {
    const [i, key] = keyForChar(ch);
    expect(i).toBe(input);
    expect(on(key)).toEqual(flags);
  });
});

describe('splitKeys', () => {
  const [, plain] = keyForChar('x');

  it('leaves a single key alone', () => {
    expect(splitKeys('j', plain)).toEqual([['j', plain]]);
  });

  it('leaves special keys alone', () => {
    const [, enter] = keyForChar('\r');
    expect(splitKeys('', enter)).toEqual([['', enter]]);
  });

  it('splits a run into presses, by code point', () => {
    expect(splitKeys('jk🙂\r', plain).map(([i, k]) => [i, on(k)])).toEqual([
      ['j', []],
      ['k', []],
      ['🙂', []],
      ['', ['return']],
    ]);
  });
});
