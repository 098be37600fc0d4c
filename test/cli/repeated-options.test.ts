import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/options.js';
import { lastOccurrenceOnly } from '../../src/cli/repeated-options.js';

describe('a repeated --cluster-ids: the last one wins, as in the AWS CLI', () => {
  it.each([
    [['--cluster-ids', 'a', 'b', '--cluster-ids', 'c'], ['--cluster-ids', 'c']],
    [['--cluster-ids', 'a', '--output', 'json', '--cluster-ids', 'c', 'd'], ['--output', 'json', '--cluster-ids', 'c', 'd']],
    [['--cluster-ids=a', '--cluster-ids=b'], ['--cluster-ids=b']],
    [['--cluster-ids', 'a'], ['--cluster-ids', 'a']],
    [['--cluster-ids', 'a', '--', '--cluster-ids'], ['--cluster-ids', 'a', '--', '--cluster-ids']],
  ])('%j → %j', (argv, expected) => {
    expect(lastOccurrenceOnly(argv, '--cluster-ids')).toEqual(expected);
  });

  it.each([
    [['--cluster-ids', 'a', 'b', '--cluster-ids', 'c'], ['c']],
    [['--cluster-ids', '["a", "b"]'], ['a', 'b']],
    [['--cluster-ids', 'x', '--cluster-ids', '["a"]'], ['a']],
  ])('parseCommandLine(%j) gives %j', (argv, expected) => {
    const { command } = parseCommandLine(argv, { env: {}, stdoutIsTTY: false });
    expect(command.kind === 'run' && command.options.clusterIds).toEqual(expected);
  });
});
