import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { originalAndPatched } from './bundle-with-plugin.js';

type Tokenize = (str: string, endChar?: number) => unknown[];

/**
 * The bundle gives @alcalzone/ansi-tokenize (Ink's line tokenizer) a path that walks lines by
 * index instead of by grapheme (scripts/build-plugins.mjs). Ink draws every line through it, so it
 * must give exactly what the original gives.
 */
let original: Tokenize;
let patched: Tokenize;

beforeAll(async () => {
  const tokenizer = "export { tokenize } from '@alcalzone/ansi-tokenize';";
  const bundles = await originalAndPatched<{ tokenize: Tokenize }>(tokenizer, 'ansiTokenizeFastPath');
  ({ original: { tokenize: original }, patched: { tokenize: patched } } = bundles);
});

function expectSame(line: string, endChar?: number): void {
  expect(patched(line, endChar)).toEqual(original(line, endChar));
}

const chalk = new Chalk({ level: 3 });

describe('the patched ANSI tokenizer gives what the original gives', () => {
  it.each([
    ['plain ASCII', 'analytics-prod           available ra3.4xlarge×4   analytics   analytics-prod.abc123xyz…'],
    ['the screens’ own characters', '● ○ … × — │ ─ ┌ ┐ └ ┘ ↑↓ ⠋⠙⠹ ▲ ▼ ◆ « » é ñ ß Ω'],
    ['16 colours, bold, dim, inverse, nested', chalk.inverse(`${chalk.green('● ')}${chalk.bold('cluster-01')}${chalk.yellow(' paused')}${chalk.dim(' endpoint')}`)],
    ['256 colours and true colour', `${chalk.ansi256(202)('orange')} ${chalk.bgAnsi256(17)('navy')} ${chalk.rgb(1, 2, 3)('rgb')} ${chalk.bgHex('#123456')('bg')}`],
    ['compound SGR codes', '\u001B[1;3;31mred\u001B[0m \u001B[38;5;12;1mx\u001B[22;39m \u001B[38;2;1;2;3;48;2;4;5;6my\u001B[0m'],
    ['a truncated SGR code', 'a\u001B[31b\u001B[ c\u001B'],
    ['an 8-bit CSI', '\u009B31mred\u009B0m'],
    ['a hyperlink', '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 after'],
    ['emoji, flags, ZWJ and variation selectors', '🙂 👍🏽 🇩🇪 👨‍👩‍👧 ✔️ ☺︎'],
    ['combining marks and CJK', 'e\u0301 a\u0308 東京 한국어 ｆｕｌｌ'],
    ['CR LF and other controls', 'a\r\nb\tc\u0007d'],
    ['a soft hyphen and a zero-width joiner', 'co\u00ADop a\u200Db'],
    ['the empty line', ''],
  ])('for %s', (_name, line) => {
    expectSame(line);
    expectSame(line, 5);
  });

  it('for 2,000 random lines of styled text, escapes and the screens’ characters', () => {
    let x = 42;
    const next = (n: number) => (x = (x * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = ['a', 'Z', '0', ' ', '-', ';', '[', 'm', '\u001B', '\u001B[', '\u001B[31m', '\u001B[0m', '\u001B[1;7m', '\u001B[38;5;', '●', '…', '×', '│', 'é', '東', '🙂', '\u0301', '\u0007'];
    for (let i = 0; i < 2000; i++) {
      const line = Array.from({ length: next(40) }, () => pieces[next(pieces.length)]).join('');
      expectSame(line);
      expectSame(line, 1 + next(30));
    }
  });
});
