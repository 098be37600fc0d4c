import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { originalAndPatched } from './bundle-with-plugin.js';

type Sanitize = (text: string) => string;

/**
 * The bundle returns text holding only SGR codes from Ink's sanitizeAnsi without walking it
 * (scripts/build-plugins.mjs). Every <Text> goes through it, so it must give what the original gives.
 */
let original: Sanitize;
let patched: Sanitize;

beforeAll(async () => {
  const sanitizer = "export { default as sanitizeAnsi } from './node_modules/ink/build/sanitize-ansi.js';";
  ({ original: { sanitizeAnsi: original }, patched: { sanitizeAnsi: patched } } = await originalAndPatched<{ sanitizeAnsi: Sanitize }>(sanitizer, 'inkSanitizeFastPath'));
});

const chalk = new Chalk({ level: 3 });

describe('the patched sanitizeAnsi gives what the original gives', () => {
  it.each([
    ['plain text', 'analytics-prod  available  ra3.4xlarge×4'],
    ['a styled row', chalk.inverse(`${chalk.green('● ')}${chalk.bold('cluster-01')}${chalk.yellow(' paused')}${chalk.dim(' endpoint')}`)],
    ['256 colours, true colour, colon parameters', `${chalk.ansi256(202)('o')} ${chalk.bgHex('#123456')('bg')} \u001B[38:5:12mx\u001B[0m \u001B[4:3mcurly\u001B[m`],
    ['a cursor move', 'a\u001B[2Jb\u001B[10;5Hc'],
    ['SGR with an intermediate', 'a\u001B[1 mb'],
    ['private parameters', 'a\u001B[?25lb\u001B[>4;2m'],
    ['SGR with a private parameter', 'a\u001B[?1mb'],
    ['SGR with another private parameter', 'a\u001B[<2mc'],
    ['a truncated escape', 'a\u001B[31'],
    ['a lone escape', 'a\u001Bb'],
    ['an escape at the end', 'abc\u001B'],
    ['an 8-bit CSI and other C1 controls', 'a\u009B31mb\u0085c\u0090d'],
    ['a hyperlink', '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007'],
    ['an OSC ended by ST', '\u001B]0;title\u001B\\after'],
    ['a two-character escape', 'a\u001B7b\u001B8c\u001Bcd'],
    ['emoji and CJK', '🙂 東京 👨‍👩‍👧'],
  ])('%s', (_what, text) => {
    expect(patched(text)).toBe(original(text));
  });

  it('on 2,000 random strings of text, SGR and other escapes', () => {
    const pieces = ['a', 'Z', ' ', '●', '…', '\u001B[', '\u001B', '\u001B]', '\u0007', '\u009B', '\u009D', '31', ';', ':', '1', 'm', 'H', ' ', '?', '\u001B\\', chalk.red('r'), chalk.bold('b')];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let fast = 0;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let n = next() % 12; n > 0; n--) text += pieces[next() % pieces.length];
      expect(patched(text), JSON.stringify(text)).toBe(original(text));
      if (text.includes('\u001B') && original(text) === text) fast++;
    }
    expect(fast).toBeGreaterThan(0);
  });
});
