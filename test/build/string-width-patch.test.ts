import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWithPlugin } from './bundle-with-plugin.js';

type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
type Modules = { stringWidth: StringWidth; wrapAnsi: (text: string, columns: number) => string; sliceAnsi: (text: string, start: number, end?: number) => string };

/**
 * The bundle patches string-width (Ink's measure of every line: a cache, a one-column fast path, and
 * its Intl.Segmenter and RGI_Emoji regex built on first use), and builds the segmenters of wrap-ansi's
 * own string-width and of slice-ansi on first use (scripts/build-plugins.mjs). Widths, wrapping and
 * slicing must stay what the originals give, including for the emoji and marks that need those tables.
 */
let original: Modules;
let patched: Modules;

const exports = "export { default as stringWidth } from 'string-width'; export { default as wrapAnsi } from 'wrap-ansi'; export { default as sliceAnsi } from 'slice-ansi';";

beforeAll(async () => {
  original = await bundleWithPlugin<Modules>(exports, undefined);
  patched = await bundleWithPlugin<Modules>(exports, ['inkRenderCaches', 'lazyUnicode']);
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
});
