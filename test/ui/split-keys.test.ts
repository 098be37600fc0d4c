import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { isKeyRun, keyForChar } from '../../src/ui/split-keys.js';

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

describe('isKeyRun', () => {
  const [, plain] = keyForChar('x');

  it('a single key, even one astral character, is not a run', () => {
    expect(isKeyRun('j', plain)).toBe(false);
    expect(isKeyRun('🙂', plain)).toBe(false);
    expect(isKeyRun('', plain)).toBe(false);
  });

  it('special keys are never a run', () => {
    const [, enter] = keyForChar('\r');
    expect(isKeyRun('', enter)).toBe(false);
    expect(isKeyRun('[A', { ...plain, upArrow: true })).toBe(false);
  });

  it('characters that arrived together are', () => {
    expect(isKeyRun('jk', plain)).toBe(true);
    expect(isKeyRun('🙂x', plain)).toBe(true);
  });
});
