import { describe, expect, it } from 'vitest';
import { listArgument } from '../../src/domain/list-argument.js';

const ids = (...values: string[]) => listArgument('--cluster-ids', 'ClusterIds', values);

describe('a list option read as the AWS CLI reads it', () => {
  it.each([
    [['a', 'b'], ['a', 'b']],
    [['["a","b"]'], ['a', 'b']],
    [[' ["a", "b"]'], ['a', 'b']],
    [['[]'], []],
    [['a,b'], ['a,b']],
    [['["a", "b"]', 'c'], ['["a", "b"]', 'c']],
    [['{"a":1}'], ['{"a":1}']],
  ])('%j → %j', (values, expected) => {
    expect(ids(...values)).toEqual(expected);
  });

  it.each([
    [['["a",'], /^Error parsing parameter '--cluster-ids': Invalid JSON: /u],
    [['[a,b]'], /^Error parsing parameter '--cluster-ids': Invalid JSON: /u],
    [['[1]'], /^Invalid type for parameter ClusterIds\[0\], value: 1, type: number, valid types: string$/u],
    [['["a", null]'], /^Invalid type for parameter ClusterIds\[1\], value: null, type: null, valid types: string$/u],
  ])('%j is a usage error', (values, message) => {
    expect(() => ids(...values)).toThrow(expect.objectContaining({ kind: 'usage', exitCode: 252, message: expect.stringMatching(message) }));
  });
});
