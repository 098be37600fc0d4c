import { eastAsianWidth, eastAsianWidthType } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { terminalLines, terminalStyledText, terminalText } from '../../src/domain/terminal-text.js';

/** Anything a terminal would act on: C0 (but line feed where allowed), DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Every character the sanitiser replaces. */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
].map((code) => String.fromCharCode(code));

describe('terminalText', () => {
  it.each([
    ['plain text stays as it is', 'analytics-prod ra3.4xlarge×2 — café 東京 🙂', 'analytics-prod ra3.4xlarge×2 — café 東京 🙂'],
    ['OSC 52 (clipboard), ended by BEL', 'a\u001b]52;c;ZXZpbA==\u0007b', 'a␛]52;c;ZXZpbA==␇b'],
    ['OSC 0 (window title), ended by ST', '\u001b]0;pwned\u001b\\', '␛]0;pwned␛\\'],
    ['OSC 8 (a link)', '\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007', '␛]8;;https://evil.example␇x␛]8;;␇'],
    ['CSI (cursor up, SGR)', '\u001b[1A\u001b[31mred', '␛[1A␛[31mred'],
    ['carriage return, backspace, line feed, tab', 'a\rb\bc\nd\te', 'a␍b␈c␊d␉e'],
    ['NUL and the other C0 controls', '\u0000\u0001\u001f', '␀␁␟'],
    ['DEL', 'a\u007fb', 'a␡b'],
    ['C1: 8-bit CSI, NEL, OSC, ST', '\u009b31m\u0085\u009d0;t\u009c', '\ufffd31m\ufffd\ufffd0;t\ufffd'],
    ['bidi overrides', 'abc\u202egnp.exe\u202c', 'abc\ufffdgnp.exe\ufffd'],
    ['every bidi override and isolate', '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069', '\ufffd'.repeat(9)],
    ['characters around the ranges stay', '\u0020\u007e\u00a0\u2029\u202f\u2065\u206a', '\u0020\u007e\u00a0\u2029\u202f\u2065\u206a'],
    ['an empty string', '', ''],
  ])('%s', (_what, input, expected) => {
    const out = terminalText(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it('shows each C0 control as its Control Picture (U+2400 + code), DEL as U+2421, the rest as U+FFFD', () => {
    for (const ch of UNSAFE) {
      const code = ch.charCodeAt(0);
      const expected = code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
      expect(terminalText(ch), `U+${code.toString(16).padStart(4, '0')}`).toBe(expected);
    }
  });

  it('one character for one, each one column wide: lengths and widths stay, so no cut can split a replacement', () => {
    const text = `a${UNSAFE.join('b')}c`;
    const out = terminalText(text);
    expect(out).toHaveLength(text.length);
    for (const ch of new Set(out.replace(/[abc]/gu, ''))) {
      const code = ch.codePointAt(0) as number;
      expect(eastAsianWidth(code), ch).toBe(1);
      // neutral, or ambiguous (U+FFFD), which terminals draw in one column outside CJK settings
      expect(['neutral', 'ambiguous']).toContain(eastAsianWidthType(code));
    }
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
  it('keeps line feeds and shows everything else as pictures', () => {
    expect(terminalLines('one\ntwo\r\n\u001b]0;t\u0007\u009b\u202e')).toBe('one\ntwo␍\n␛]0;t␇\ufffd\ufffd');
  });
});

describe('terminalStyledText', () => {
  it.each([
    ['SGR codes stay (colour, bold, dim, inverse, resets)', '\u001b[32m● \u001b[39m\u001b[1mid\u001b[22m\u001b[2m x\u001b[22m\u001b[7m\u001b[27m\u001b[m', '\u001b[32m● \u001b[39m\u001b[1mid\u001b[22m\u001b[2m x\u001b[22m\u001b[7m\u001b[27m\u001b[m'],
    ['256 colours stay', '\u001b[38;5;202mo\u001b[39m', '\u001b[38;5;202mo\u001b[39m'],
    ['OSC 52 among SGR is shown as pictures', '\u001b[32mok\u001b[39m\u001b]52;c;eA==\u0007', '\u001b[32mok\u001b[39m␛]52;c;eA==␇'],
    ['a CSI that is not SGR is shown as pictures', '\u001b[2J\u001b[?25l', '␛[2J␛[?25l'],
    ['a lone ESC is shown as a picture', 'a\u001b', 'a␛'],
    ['C1, CR and bidi are shown as pictures', '\u009b1m\r\u202e', '\ufffd1m␍\ufffd'],
  ])('%s', (_what, input, expected) => {
    const out = terminalStyledText(input);
    expect(out).toBe(expected);
    expect(out.replace(/\u001b\[[0-9;]*m/gu, '')).not.toMatch(RAW_CONTROL);
  });
});
