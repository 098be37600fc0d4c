import { describe, expect, it } from 'vitest';
import { resolveColor } from '../../src/cli/color.js';
import { chooseMode } from '../../src/cli/mode.js';
import { parseCommandLine, type CliOptions } from '../../src/cli/options.js';
import { awsClientOptions } from '../../src/cli/client-options.js';

const parse = (argv: string[], stdoutIsTTY = false, env: NodeJS.ProcessEnv = {}): CliOptions => {
  const { command } = parseCommandLine(argv, { env, stdoutIsTTY });
  if (command.kind !== 'run') throw new Error('expected options');
  return command.options;
};

describe('parseCommandLine', () => {
  it('defaults', () => {
    expect(parse([])).toMatchObject({ verifySsl: true, paginate: true, signRequest: true, colorMode: 'auto', color: false, debug: false, demo: false });
  });

  it('every AWS CLI option', () => {
    const o = parse([
      '--cluster-ids', 'a', 'b',
      '--cli-input-json', '{}',
      '--output', 'table',
      '--query', 'Token',
      '--profile', 'p',
      '--region', 'eu-west-1',
      '--endpoint-url', 'https://example.com:8443/',
      '--no-verify-ssl',
      '--no-paginate',
      '--no-sign-request',
      '--ca-bundle', '/tmp/ca.pem',
      '--cli-connect-timeout', '0',
      '--cli-read-timeout', '5',
      '--color', 'on',
      '--debug',
    ]);
    expect(o).toMatchObject({
      clusterIds: ['a', 'b'],
      cliInputJson: '{}',
      output: 'table',
      query: 'Token',
      profile: 'p',
      region: 'eu-west-1',
      endpointUrl: 'https://example.com:8443/',
      verifySsl: false,
      paginate: false,
      signRequest: false,
      caBundle: '/tmp/ca.pem',
      connectTimeoutSeconds: 0,
      readTimeoutSeconds: 5,
      colorMode: 'on',
      color: true,
      debug: true,
    });
    expect(awsClientOptions(o)).toEqual({
      profile: 'p',
      region: 'eu-west-1',
      endpointUrl: 'https://example.com:8443/',
      caBundle: '/tmp/ca.pem',
      verifySsl: false,
      signRequest: false,
      connectTimeoutMs: 0,
      readTimeoutMs: 5000,
    });
  });

  it('--generate-cli-skeleton defaults to input', () => {
    expect(parse(['--generate-cli-skeleton']).generateCliSkeleton).toBe('input');
    expect(parse(['--generate-cli-skeleton', 'output', '--cluster-ids', 'a']).generateCliSkeleton).toBe('output');
  });

  it('a bare --cluster-ids is an empty list (rejected later with "No cluster IDs given")', () => {
    expect(parse(['--cluster-ids']).clusterIds).toEqual([]);
  });

  it('help and version are printed, not run', () => {
    expect(parseCommandLine(['--version']).stdout).toMatch(/^idc-tui\/0\.1\.0 node\/\d+/u);
    expect(parseCommandLine(['--help']).command.kind).toBe('printed');
  });

  it.each([
    [['--output', 'yaml']],
    [['--color', 'always']],
    [['--query', 'a[']],
    [['--cli-read-timeout', '-1']],
    [['--cli-connect-timeout', 'x']],
    [['--endpoint-url', 'example.com']],
    [['--endpoint-url', 'ftp://example.com']],
    [['--bogus']],
    [['extra']],
  ])('%j is a usage error (252) with a hint', (argv) => {
    try {
      parseCommandLine(argv);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'usage', exitCode: 252, hint: 'Run idc-tui --help for the options.' });
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('resolveColor', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean, boolean]>([
    ['on', {}, false, true],
    ['off', { FORCE_COLOR: '1' }, true, false],
    ['auto', {}, true, true],
    ['auto', {}, false, false],
    ['auto', { NO_COLOR: '1' }, true, false],
    ['auto', { NO_COLOR: '' }, true, true],
    ['auto', { FORCE_COLOR: '1' }, false, false],
    ['auto', { FORCE_COLOR: '1' }, true, true],
    ['auto', { FORCE_COLOR: '0' }, true, false],
    ['auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, true, false],
  ])('--color %s with %j, tty %s → %s', (mode, env, tty, expected) => {
    expect(resolveColor(mode as 'on' | 'off' | 'auto', env, tty)).toBe(expected);
  });
});

describe('chooseMode', () => {
  it.each<[string[], boolean, string]>([
    [[], true, 'interactive'],
    [[], false, 'interactive'],
    [['--output', 'json'], false, 'interactive'],
    [['--cluster-ids', 'a'], true, 'interactive'],
    [['--cluster-ids', 'a'], false, 'scripted'],
    [['--cluster-ids', 'a', '--output', 'text'], true, 'scripted'],
    [['--cluster-ids', 'a', '--query', 'Token'], true, 'scripted'],
    [['--cli-input-json', '{}'], true, 'scripted'],
    [['--generate-cli-skeleton'], true, 'skeleton'],
  ])('%j, stdout tty %s → %s', (argv, tty, mode) => {
    expect(chooseMode(parse(argv, tty), { stdoutIsTTY: tty })).toBe(mode);
  });
});
