import { describe, expect, it } from 'vitest';
import {
  applyQuery,
  formatJson,
  formatOutput,
  formatTable,
  formatText,
  inputSkeleton,
  isoformatUtc,
  outputSkeleton,
  textLength,
  tokenDocument,
} from '../../../src/domain/output/index.js';

const TOKEN = 'QUJD+/x=/ab+cd==';
const EXPIRES = new Date('2026-11-28T14:03:12Z');
const doc = () => tokenDocument({ Token: TOKEN, ExpirationTime: EXPIRES }, 'iso8601');

describe('timestamps like AWS CLI v2 (Python isoformat)', () => {
  it.each([
    ['2026-11-28T14:03:12Z', '2026-11-28T14:03:12+00:00'],
    ['2026-11-28T14:03:12.000Z', '2026-11-28T14:03:12+00:00'],
    ['2026-11-28T14:03:12.5Z', '2026-11-28T14:03:12.500000+00:00'],
    ['2026-01-02T03:04:05.007Z', '2026-01-02T03:04:05.007000+00:00'],
    ['0999-12-31T23:59:59Z', '0999-12-31T23:59:59+00:00'],
  ])('%s → %s', (input, expected) => {
    expect(isoformatUtc(new Date(input))).toBe(expected);
  });

  it('keeps the wire form with cli_timestamp_format = wire', () => {
    expect(tokenDocument({ ExpirationTime: EXPIRES }, 'wire')).toEqual({ ExpirationTime: '2026-11-28T14:03:12.000Z' });
  });
});

describe('the response document', () => {
  it('has the model order Token, ExpirationTime and leaves out absent members', () => {
    expect(Object.keys(doc())).toEqual(['Token', 'ExpirationTime']);
    expect(tokenDocument({ ExpirationTime: EXPIRES }, 'iso8601')).toEqual({ ExpirationTime: '2026-11-28T14:03:12+00:00' });
    expect(tokenDocument({}, 'iso8601')).toEqual({});
  });
});

describe('json', () => {
  it('indents 4 spaces, keeps + / = and the model key order', () => {
    expect(formatJson(doc())).toBe(`{\n    "Token": "${TOKEN}",\n    "ExpirationTime": "2026-11-28T14:03:12+00:00"\n}\n`);
  });

  it.each<[unknown, string]>([
    [TOKEN, `"${TOKEN}"\n`],
    [null, 'null\n'],
    [[], '[]\n'],
    [{}, ''],
    [[1, 'a', true], '[\n    1,\n    "a",\n    true\n]\n'],
    [{ a: { b: [] } }, '{\n    "a": {\n        "b": []\n    }\n}\n'],
    ['tab\there "q" \\ é \u0001', '"tab\\there \\"q\\" \\\\ é \\u0001"\n'],
  ])('%j', (value, expected) => {
    expect(formatJson(value)).toBe(expected);
  });
});

describe('text', () => {
  it('prints scalars tab-separated with keys sorted', () => {
    expect(formatText(doc())).toBe(`2026-11-28T14:03:12+00:00\t${TOKEN}\n`);
  });

  it.each<[unknown, string]>([
    [TOKEN, `${TOKEN}\n`],
    [null, 'None\n'],
    [true, 'True\n'],
    [false, 'False\n'],
    ['', '\n'],
    [[], ''],
    [{}, ''],
    [['a', 'b'], 'a\tb\n'],
    [{ A: 'x', B: true, C: null, D: 1.5, F: [1, 2] }, 'x\tTrue\tNone\t1.5\nF\t1\nF\t2\n'],
    [{ a: { b: 'c', d: [1, 2] }, e: 'E' }, 'E\nA\tc\nD\t1\nD\t2\n'],
    [[{ a: 1, b: 2 }, { a: 3, c: [4] }], '1\t2\n3\t\nC\t4\n'],
    [[['a', 'b'], 'c'], 'c\na\tb\n'],
  ])('%j', (value, expected) => {
    expect(formatText(value)).toBe(expected);
  });
});

describe('table', () => {
  const table = (value: unknown, extra: { terminalWidth?: number; color?: boolean } = {}) =>
    formatTable(value, { title: 'GetIdentityCenterAuthToken', ...extra });

  it('puts a short answer in columns under the operation name', () => {
    expect(table(doc())).toBe(
      [
        '---------------------------------------------------',
        '|           GetIdentityCenterAuthToken            |',
        '+----------------------------+--------------------+',
        '|       ExpirationTime       |       Token        |',
        '+----------------------------+--------------------+',
        `|  2026-11-28T14:03:12+00:00 |  ${TOKEN}  |`,
        '+----------------------------+--------------------+',
        '',
      ].join('\n'),
    );
  });

  it('turns a table wider than the terminal (80 when not a terminal) into name/value rows', () => {
    const long = TOKEN.repeat(5);
    expect(table({ Token: long, ExpirationTime: '2026-11-28T14:03:12+00:00' })).toBe(
      [
        '--------------------------------------------------------------------------------------------------------',
        '|                                      GetIdentityCenterAuthToken                                      |',
        '+----------------+-------------------------------------------------------------------------------------+',
        '|  ExpirationTime|  2026-11-28T14:03:12+00:00                                                          |',
        `|  Token         |  ${long}   |`,
        '+----------------+-------------------------------------------------------------------------------------+',
        '',
      ].join('\n'),
    );
    // A wide terminal keeps the header row and the value row.
    expect(table({ Token: long, ExpirationTime: 'x' }, { terminalWidth: 200 }).split('\n')).toHaveLength(8);
  });

  it('shows only the title for a scalar, and nothing for null, false, 0, "", [] and {}', () => {
    expect(table('2026-11-28T14:03:12+00:00')).toBe(
      '----------------------------\n|GetIdentityCenterAuthToken|\n+--------------------------+\n',
    );
    for (const empty of [null, false, 0, '', [], {}]) expect(table(empty)).toBe('');
  });

  it('colours values bright blue and nesting bars dim yellow like the CLI', () => {
    const text = table(doc(), { color: true });
    expect(text).toContain(`|  \u001B[1m\u001B[34m2026-11-28T14:03:12+00:00\u001B[0m |  \u001B[1m\u001B[34m${TOKEN}\u001B[0m  |`);
    const nested = table({ a: { b: 'c', d: 'e' } }, { color: true });
    expect(nested).toContain('\u001B[2m\u001B[33m|\u001B[0m');
  });

  it('nests sections with extra bars', () => {
    expect(table({ a: { b: 'c', d: [1, 2] }, e: 'E' })).toBe(
      [
        '----------------------------',
        '|GetIdentityCenterAuthToken|',
        '+------------+-------------+',
        '|  e         |  E          |',
        '+------------+-------------+',
        '||            a           ||',
        '|+-----------+------------+|',
        '||  b        |  c         ||',
        '|+-----------+------------+|',
        '|||           d          |||',
        '||+----------------------+||',
        '|||  1                   |||',
        '|||  2                   |||',
        '||+----------------------+||',
        '',
      ].join('\n'),
    );
  });

  it('measures East Asian wide characters as two columns', () => {
    expect(textLength('abc')).toBe(3);
    expect(textLength('集群')).toBe(4);
  });
});

describe('skeletons', () => {
  it('input is exactly what aws --generate-cli-skeleton prints', () => {
    expect(formatJson(inputSkeleton())).toBe('{\n    "ClusterIds": [\n        ""\n    ]\n}\n');
  });

  it('output uses member names and the epoch without a zone', () => {
    expect(formatJson(outputSkeleton())).toBe('{\n    "Token": "Token",\n    "ExpirationTime": "1970-01-01T00:00:00"\n}\n');
    expect(formatText(outputSkeleton())).toBe('1970-01-01 00:00:00\tToken\n');
    expect(formatOutput(applyQuery(outputSkeleton(), 'ExpirationTime'), 'json')).toBe('"1970-01-01T00:00:00"\n');
  });
});

describe('--query before formatting', () => {
  it.each<[string, string, string]>([
    ['Token', 'text', `${TOKEN}\n`],
    ['Token', 'json', `"${TOKEN}"\n`],
    ['ExpirationTime', 'table', '----------------------------\n|GetIdentityCenterAuthToken|\n+--------------------------+\n'],
    ['{T: Token}', 'text', `${TOKEN}\n`],
    ['[Token, ExpirationTime]', 'text', `${TOKEN}\t2026-11-28T14:03:12+00:00\n`],
    ['Missing', 'json', 'null\n'],
    ['Missing', 'text', 'None\n'],
    ['Missing', 'table', ''],
  ])('%s as %s', (query, format, expected) => {
    expect(formatOutput(applyQuery(doc(), query), format as 'json' | 'text' | 'table')).toBe(expected);
  });
});
