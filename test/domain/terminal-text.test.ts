import { describe, expect, it } from 'vitest';
import { chunkText, cutIndex, terminalLines, terminalStyledText, terminalText } from '../../src/domain/terminal-text.js';

/** Anything a terminal would act on: C0 (but line feed where allowed), DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('terminalText', () => {
  it.each([
    ['plain text stays as it is', 'analytics-prod ra3.4xlarge×2 — café 東京 🙂', 'analytics-prod ra3.4xlarge×2 — café 東京 🙂'],
    ['OSC 52 (clipboard), ended by BEL', 'a\u001b]52;c;ZXZpbA==\u0007b', 'a\\x1b]52;c;ZXZpbA==\\x07b'],
    ['OSC 0 (window title), ended by ST', '\u001b]0;pwned\u001b\\', '\\x1b]0;pwned\\x1b\\'],
    ['OSC 8 (a link)', '\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007', '\\x1b]8;;https://evil.example\\x07x\\x1b]8;;\\x07'],
    ['CSI (cursor up, SGR)', '\u001b[1A\u001b[31mred', '\\x1b[1A\\x1b[31mred'],
    ['carriage return, backspace, line feed, tab', 'a\rb\bc\nd\te', 'a\\x0db\\x08c\\x0ad\\x09e'],
    ['NUL and the other C0 controls', '\u0000\u0001\u001f', '\\x00\\x01\\x1f'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['C1: 8-bit CSI, NEL, OSC, ST', '\u009b31m\u0085\u009d0;t\u009c', '\\x9b31m\\x85\\x9d0;t\\x9c'],
    ['bidi overrides', 'abc\u202egnp.exe\u202c', 'abc\\u202egnp.exe\\u202c'],
    ['every bidi override and isolate', '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069', '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069'],
    ['characters around the ranges stay', '\u0020\u007e\u00a0\u2029\u202f\u2065\u206a', '\u0020\u007e\u00a0\u2029\u202f\u2065\u206a'],
    ['an empty string', '', ''],
  ])('%s', (_what, input, expected) => {
    const out = terminalText(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it('returns the very same string when there is nothing to escape (the fast path)', () => {
    const text = 'x'.repeat(1000);
    expect(terminalText(text)).toBe(text);
  });

  it('is idempotent: escaping twice changes nothing more', () => {
    const once = terminalText('\u001b]52;c;x\u0007\u202e\r\n');
    expect(terminalText(once)).toBe(once);
  });
});

describe('terminalLines', () => {
  it('keeps line feeds and escapes everything else', () => {
    expect(terminalLines('one\ntwo\r\n\u001b]0;t\u0007\u009b\u202e')).toBe('one\ntwo\\x0d\n\\x1b]0;t\\x07\\x9b\\u202e');
  });
});

describe('terminalStyledText', () => {
  it.each([
    ['SGR codes stay (colour, bold, dim, inverse, resets)', '\u001b[32m● \u001b[39m\u001b[1mid\u001b[22m\u001b[2m x\u001b[22m\u001b[7m\u001b[27m\u001b[m', '\u001b[32m● \u001b[39m\u001b[1mid\u001b[22m\u001b[2m x\u001b[22m\u001b[7m\u001b[27m\u001b[m'],
    ['256 colours stay', '\u001b[38;5;202mo\u001b[39m', '\u001b[38;5;202mo\u001b[39m'],
    ['OSC 52 among SGR is escaped', '\u001b[32mok\u001b[39m\u001b]52;c;eA==\u0007', '\u001b[32mok\u001b[39m\\x1b]52;c;eA==\\x07'],
    ['a CSI that is not SGR is escaped', '\u001b[2J\u001b[?25l', '\\x1b[2J\\x1b[?25l'],
    ['a lone ESC is escaped', 'a\u001b', 'a\\x1b'],
    ['C1, CR and bidi are escaped', '\u009b1m\r\u202e', '\\x9b1m\\x0d\\u202e'],
  ])('%s', (_what, input, expected) => {
    const out = terminalStyledText(input);
    expect(out).toBe(expected);
    expect(out.replace(/\u001b\[[0-9;]*m/gu, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('cutIndex: never inside an escape', () => {
  it.each([
    ['plain text: where asked', 'abcdef', 3, 3],
    ['past the end: the length', 'abc', 10, 3],
    ['zero', 'abc', 0, 0],
    ['just before an escape', 'ab\\x1bc', 2, 2],
    ['inside \\x1b: before it', 'ab\\x1bc', 4, 2],
    ['right after \\x1b', 'ab\\x1bc', 6, 6],
    ['inside \\u202e: before it', 'a\\u202eb', 5, 1],
    ['right after \\u202e', 'a\\u202eb', 7, 7],
    ['an escape at the start', '\\x07abc', 2, 0],
    ['a backslash that is no escape', 'a\\zbc', 2, 2],
  ])('%s', (_what, text, at, expected) => {
    expect(cutIndex(text, at)).toBe(expected);
  });
});

describe('chunkText', () => {
  it.each<[string, string, number, string[]]>([
    ['plain text in equal pieces', 'abcdefgh', 6, ['abcdef', 'gh']],
    ['an escape is moved whole to the next line', 'abcd\\x1befgh', 6, ['abcd', '\\x1bef', 'gh']],
    ['a long escape', 'ab\\u202ecd', 6, ['ab', '\\u202e', 'cd']],
    ['code points, not UTF-16 units', '🙂🙂🙂🙂🙂🙂🙂', 6, ['🙂🙂🙂🙂🙂🙂', '🙂']],
    ['nothing for an empty string', '', 8, []],
    ['at least 6 wide', '\\u202e\\u202e', 2, ['\\u202e', '\\u202e']],
  ])('%s', (_what, text, size, lines) => {
    expect(chunkText(text, size)).toEqual(lines);
  });
});
