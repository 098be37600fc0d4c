import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../src/domain/redact.js';

const TOKEN = 'QUJD+/x=/ab+cd==EFGH+/ij==';

describe('Redactor', () => {
  it('replaces a known token wherever it appears, also URL- or JSON-escaped', () => {
    const r = new Redactor();
    r.add(TOKEN);
    expect(r.redact(`a ${TOKEN} b ${encodeURIComponent(TOKEN)} c`)).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it.each([
    [`<Token>${TOKEN}</Token>`, `<Token>${REDACTED}</Token>`],
    [`<ns:Token>${TOKEN}</ns:Token>`, `<ns:Token>${REDACTED}</ns:Token>`],
    [`{"Token": "${TOKEN}", "ExpirationTime": "x"}`, `{"Token": "${REDACTED}", "ExpirationTime": "x"}`],
    [`{"Token":"a\\"b"}`, `{"Token":"${REDACTED}"}`],
    [`{ Token: '${TOKEN}', ExpirationTime: 2026 }`, `{ Token: '${REDACTED}', ExpirationTime: 2026 }`],
    [`Action=X&Token=${encodeURIComponent(TOKEN)}&b=1`, `Action=X&Token=${REDACTED}&b=1`],
    ['x-amz-security-token: FwoGZXIvYXdzEJr', `x-amz-security-token: ${REDACTED}`],
    ['Signature=0123456789abcdef0123456789abcdef', `Signature=${REDACTED}`],
  ])('redacts Token fields it has not been told about: %s', (input, expected) => {
    expect(new Redactor().redact(input)).toBe(expected);
  });

  it('learns tokens from an XML or JSON answer, then redacts them elsewhere', () => {
    const r = new Redactor();
    expect(r.learnAndRedact(`<Token>${TOKEN}</Token>`)).toBe(`<Token>${REDACTED}</Token>`);
    expect(r.redact(`later: ${TOKEN}`)).toBe(`later: ${REDACTED}`);
  });

  it('leaves ordinary text alone and ignores very short secrets', () => {
    const r = new Redactor();
    r.add('abc');
    expect(r.redact('TokenType abc ExpirationTime')).toBe('TokenType abc ExpirationTime');
  });

  it.each([
    ['attributes', `<Token a="b">${TOKEN}</Token>`, `<Token a="b">${REDACTED}</Token>`],
    ['a prefix and attributes', `<r:Token xmlns:r="urn:x">${TOKEN}</r:Token>`, `<r:Token xmlns:r="urn:x">${REDACTED}</r:Token>`],
    ['CDATA', `<Token><![CDATA[${TOKEN}]]></Token>`, `<Token>${REDACTED}</Token>`],
    ['a comment', `<Token><!-- x -->${TOKEN}</Token>`, `<Token>${REDACTED}</Token>`],
    ['spaces in the tags', `<Token >${TOKEN}</Token >`, `<Token >${REDACTED}</Token >`],
    ['newlines in the tags and around the value', `<Token\n>\n ${TOKEN}\n</Token\n>`, `<Token\n>${REDACTED}</Token\n>`],
    ['character references', `<Token>&#x65;${TOKEN.slice(1)}</Token>`, `<Token>${REDACTED}</Token>`],
    ['a text cut short', `<a><Token>${TOKEN.slice(0, 12)}`, `<a><Token>${REDACTED}`],
  ])('redacts a Token element whatever its spelling: %s', (_, input, expected) => {
    expect(new Redactor().redact(input)).toBe(expected);
  });

  it('leaves elements that only start with Token alone', () => {
    expect(new Redactor().redact('<TokenType>bearer</TokenType><Tokens/>')).toBe('<TokenType>bearer</TokenType><Tokens/>');
  });

  it('learns the value of a Token element in CDATA or references as an XML reader reads it', () => {
    const r = new Redactor();
    r.learnAndRedact(`<Token a="1"><![CDATA[${TOKEN.slice(0, 5)}]]>&#x${TOKEN.charCodeAt(5).toString(16)};${TOKEN.slice(6)}</Token>`);
    expect(r.redact(`later: ${TOKEN}`)).toBe(`later: ${REDACTED}`);
  });

  it('replaces a known token in XML-escaped form too', () => {
    const r = new Redactor();
    r.add('abc<def>&ghi');
    expect(r.redact('<M>abc&lt;def&gt;&amp;ghi</M>')).toBe(`<M>${REDACTED}</M>`);
  });
});

describe('Redactor.redactDocument', () => {
  const body = (inner: string) => `<R><Token>${TOKEN}</Token>${inner}<ExpirationTime>2030</ExpirationTime></R>`;

  it('prints a document with the known token cut out, the rest as it is', () => {
    const r = new Redactor();
    r.add(TOKEN);
    expect(r.redactDocument(body(`<Note>copy: ${TOKEN}</Note>`))).toBe(`<R><Token>${REDACTED}</Token><Note>copy: ${REDACTED}</Note><ExpirationTime>2030</ExpirationTime></R>`);
  });

  it.each([
    ['character references', `<Note>&#x${TOKEN.charCodeAt(0).toString(16)};${TOKEN.slice(1)}</Note>`],
    ['decimal references throughout', `<Note>${[...TOKEN].map((c) => `&#${c.charCodeAt(0)};`).join('')}</Note>`],
    ['a comment inside', `<Note>${TOKEN.slice(0, 9)}<!-- -->${TOKEN.slice(9)}</Note>`],
    ['CDATA pieces', `<Note><![CDATA[${TOKEN.slice(0, 9)}]]><![CDATA[${TOKEN.slice(9)}]]></Note>`],
    ['tags between the pieces', `<Note>${TOKEN.slice(0, 9)}<b/>${TOKEN.slice(9)}</Note>`],
  ])('withholds the whole document when the known token is still readable in it: %s', (_, inner) => {
    const r = new Redactor();
    r.add(TOKEN);
    const shown = r.redactDocument(body(inner));
    expect(shown).toMatch(/^\*\*\*REDACTED\*\*\* \(\d+ characters withheld: they spell a secret in a way the log cannot cut out\)$/);
  });

  it('learns the token from its element and cuts it out; with no other copy, nothing is withheld', () => {
    expect(new Redactor().redactDocument(body('<Note>x</Note>'))).toBe(`<R><Token>${REDACTED}</Token><Note>x</Note><ExpirationTime>2030</ExpirationTime></R>`);
  });
});
