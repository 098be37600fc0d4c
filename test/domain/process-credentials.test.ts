import { describe, expect, it } from 'vitest';
import { parseProcessCredentials, stderrSummary } from '../../src/domain/process-credentials.js';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('parseProcessCredentials', () => {
  it.each([
    ['not JSON', 'oops', 'printed no JSON document on stdout'],
    ['a JSON list', '[1]', 'printed a document whose Version is not 1'],
    ['JSON null', 'null', 'printed JSON that is not an object'],
    ['Version 2', '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}', 'printed a document whose Version is not 1'],
    ['no secret', '{"Version": 1, "AccessKeyId": "A"}', 'printed no AccessKeyId or SecretAccessKey'],
    ['bad Expiration', '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "soon"}', 'printed an Expiration that is not a timestamp'],
    ['expired', '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "2025-12-31T23:00:00Z"}', 'printed credentials that expired at 2025-12-31T23:00:00.000Z'],
  ])('%s → %s', (_name, stdout, problem) => {
    expect(parseProcessCredentials(stdout, NOW)).toBe(problem);
  });

  it('reads every field of a Version 1 document', () => {
    const stdout = '\n{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "2026-01-01T01:00:00Z", "AccountId": "123456789012"}\n';
    expect(parseProcessCredentials(stdout, NOW)).toEqual({
      accessKeyId: 'A',
      secretAccessKey: 'S',
      sessionToken: 'T',
      expiration: new Date('2026-01-01T01:00:00Z'),
      accountId: '123456789012',
    });
  });
});

describe('stderrSummary', () => {
  it.each([
    ['empty', '', undefined],
    ['blank lines only', '\n  \r\n', undefined],
    ['one line, trimmed', '  login expired \n', 'login expired'],
    ['lines joined', 'first\r\n\nsecond\n', 'first / second'],
    ['controls shown as pictures', 'a\u001b]0;title\u0007b', 'a␛]0;title␇b'],
    ['long text cut', 'x'.repeat(400), `${'x'.repeat(300)}…`],
  ])('%s', (_name, stderr, summary) => {
    expect(stderrSummary(stderr)).toBe(summary);
  });
});
