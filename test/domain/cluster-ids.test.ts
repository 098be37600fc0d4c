import { describe, expect, it } from 'vitest';
import { parseClusterIdList, validateClusterId, validateClusterIds } from '../../src/domain/cluster-ids.js';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `cluster-${i + 1}`);

describe('validateClusterId', () => {
  it.each([
    ['a'],
    ['my-cluster'],
    ['Prod-Cluster-01'],
    ['a1b2c3'],
    ['a'.repeat(63)],
  ])('accepts %j', (id) => {
    expect(validateClusterId(id)).toBeNull();
  });

  it.each([
    ['', 'A cluster ID is empty; it must be 1 to 63 characters.'],
    ['a'.repeat(64), `Cluster ID "${'a'.repeat(64)}" is 64 characters long; the limit is 63.`],
    ['my_cluster', 'Cluster ID "my_cluster" contains "_"; only ASCII letters, digits and hyphens are allowed.'],
    ['a.b c.d', 'Cluster ID "a.b c.d" contains ".", " "; only ASCII letters, digits and hyphens are allowed.'],
    ['café', 'Cluster ID "café" contains "é"; only ASCII letters, digits and hyphens are allowed.'],
    ['9abc', 'Cluster ID "9abc" must start with a letter.'],
    ['-abc', 'Cluster ID "-abc" must start with a letter.'],
    ['abc-', 'Cluster ID "abc-" must not end with a hyphen.'],
    ['a--b', 'Cluster ID "a--b" must not contain two consecutive hyphens.'],
  ])('rejects %j', (id, message) => {
    expect(validateClusterId(id)).toBe(message);
  });

  it('shortens a very long ID in the message', () => {
    const message = validateClusterId('x'.repeat(500));
    expect(message).toContain(`"${'x'.repeat(70)}…" is 500 characters long`);
  });

  it('escapes control characters when naming the ID', () => {
    expect(validateClusterId('a\tb')).toBe('Cluster ID "a\\tb" contains "\\t"; only ASCII letters, digits and hyphens are allowed.');
  });
});

describe('validateClusterIds', () => {
  it.each([1, 2, 20])('accepts %i valid IDs', (n) => {
    expect(validateClusterIds(ids(n))).toBeNull();
  });

  it.each([
    [[], 'No cluster IDs given; a token needs at least one.', 'Give 1 to 20 cluster IDs.'],
    [ids(21), '21 cluster IDs given; one token can cover at most 20.', 'Request a separate token for the rest.'],
    [['a', 'b', 'a'], 'Cluster ID "a" is given more than once.', 'Give each cluster ID once.'],
    [
      ['prod', 'dev', 'Prod'],
      'Cluster IDs "prod" and "Prod" are the same cluster; cluster IDs are not case-sensitive.',
      'Give each cluster ID once.',
    ],
    [['ok', '9abc'], 'Cluster ID "9abc" must start with a letter.', expect.stringContaining('start with a letter')],
  ])('rejects %j', (list, message, hint) => {
    const error = validateClusterIds(list);
    expect(error).toMatchObject({ kind: 'usage', message, hint });
    expect(error?.exitCode).toBe(252);
  });

  it('names the first broken ID rule before counting', () => {
    expect(validateClusterIds([...ids(21), 'bad_id'])?.message).toContain('"bad_id"');
  });
});

describe('parseClusterIdList', () => {
  it.each([
    ['', []],
    ['   \n ', []],
    ['one', ['one']],
    ['a,b,c', ['a', 'b', 'c']],
    ['a, b ,c', ['a', 'b', 'c']],
    ['a b\tc\nd\r\ne', ['a', 'b', 'c', 'd', 'e']],
    ['a,,b;c', ['a', 'b', 'c']],
    ['["a", "b"]', ['a', 'b']],
    ["'a' 'b'", ['a', 'b']],
    ['a_b', ['a_b']],
  ])('splits %j', (text, expected) => {
    expect(parseClusterIdList(text)).toEqual(expected);
  });
});
