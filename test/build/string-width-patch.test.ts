import { beforeAll, describe, expect, it } from 'vitest';
import { originalAndPatched } from './bundle-with-plugin.js';

type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
type Modules = {
  stringWidth: StringWidth;
  wrapAnsi: (text: string, columns: number) => string;
  sliceAnsi: (text: string, start: number, end?: number) => string;
  cliTruncate: (text: string, columns: number, options?: { position?: 'start' | 'middle' | 'end' }) => string;
};

/**
 * The bundle patches string-width (Ink's measure of every line: a cache, a one-column fast path, and
 * its Intl.Segmenter and RGI_Emoji regex built on first use), and builds the segmenters of wrap-ansi's
 * own string-width and of slice-ansi on first use, and gives slice-ansi the graphemes of a line of
 * one-grapheme characters without Intl.Segmenter (scripts/build-plugins.mjs). Widths, wrapping,
 * slicing and Ink's truncation must stay what the originals give, including for the emoji and
 * marks that need those tables.
 */
let original: Modules;
let patched: Modules;

const exports = [
  "export { default as stringWidth } from 'string-width';",
  "export { default as wrapAnsi } from 'wrap-ansi';",
  "export { default as sliceAnsi } from 'slice-ansi';",
  "export { default as cliTruncate } from 'cli-truncate';",
].join(' ');

beforeAll(async () => {
  ({ original, patched } = await originalAndPatched<Modules>(exports, ['inkRenderCaches', 'lazyUnicode']));
});

const SAMPLES = [
  'analytics-prod   available   ra3.4xlarge×4',
  '● ○ … × — │ ─ ↑↓ ⠋⠙⠹',
  '🙂 👍🏽 🇩🇪 👨‍👩‍👧 ✔️ ☺︎ 1️⃣ #⃣',
  'e\u0301 a\u0308 東京 한국어 ｆｕｌｌ ﾃﾞ',
  '\u001B[1;31mred\u001B[0m 🙂\u001B[7m東\u001B[27m',
  'co\u00ADop a\u200Db \u0007',
  '\u1100\u1161\u11A8 \u1100\u1100\u1161',
];

describe('the patched string-width, wrap-ansi and slice-ansi give what the originals give', () => {
  it.each(SAMPLES)('%s', (text) => {
    expect(patched.stringWidth(text)).toBe(original.stringWidth(text));
    expect(patched.stringWidth(text, { ambiguousIsNarrow: false })).toBe(original.stringWidth(text, { ambiguousIsNarrow: false }));
    for (const columns of [3, 7, 12]) expect(patched.wrapAnsi(text, columns)).toBe(original.wrapAnsi(text, columns));
    for (const [start, end] of [[0, 3], [2, 9], [1, undefined]] as const) expect(patched.sliceAnsi(text, start, end)).toBe(original.sliceAnsi(text, start, end));
  });

  it('measures emoji as two columns, the case that needs the deferred RGI_Emoji regex', () => {
    expect(patched.stringWidth('🙂')).toBe(2);
    expect(patched.stringWidth('👨‍👩‍👧')).toBe(2);
  });

  it('slices and truncates 500 random styled lines of one-grapheme characters as the original does', () => {
    // Deterministic pseudo-random lines: the screens' characters, SGR codes (some left open) and escapes.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['a', 'Z', '7', ' ', '-', '…', '●', '○', '×', '—', '│', '↑', '⠋', 'é', 'ß', '\u001B[1m', '\u001B[22m', '\u001B[36m', '\u001B[39m', '\u001B[7m', '\u001B[0m', '\u001B[38;5;202m', '\u001B'];
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let n = next(60); n > 0; n--) text += pieces[next(pieces.length)];
      const columns = 1 + next(40);
      for (const position of ['end', 'start', 'middle'] as const) expect(patched.cliTruncate(text, columns, { position })).toBe(original.cliTruncate(text, columns, { position }));
      const start = next(20);
      const end = start + next(30);
      expect(patched.sliceAnsi(text, start, end)).toBe(original.sliceAnsi(text, start, end));
    }
  });
});
