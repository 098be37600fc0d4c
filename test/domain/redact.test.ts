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
});
