import { describe, expect, it } from 'vitest';
import { chunkText } from '../../src/domain/chunk-text.js';

describe('chunkText', () => {
  it.each<[string, string, number, string[]]>([
    ['plain text in equal pieces', 'abcdefgh', 6, ['abcdef', 'gh']],
    ['control pictures are characters like any other', 'abcd␛]0;t␇ef', 6, ['abcd␛]', '0;t␇ef']],
    ['code points, not UTF-16 units', '🙂🙂🙂🙂🙂🙂🙂', 6, ['🙂🙂🙂🙂🙂🙂', '🙂']],
    ['code points in mixed text', 'ab🙂cd🙂', 3, ['ab🙂', 'cd🙂']],
    ['nothing for an empty string', '', 8, []],
    ['at least one a line', 'abc', 0, ['a', 'b', 'c']],
  ])('%s', (_what, text, size, lines) => {
    expect(chunkText(text, size)).toEqual(lines);
  });
});
