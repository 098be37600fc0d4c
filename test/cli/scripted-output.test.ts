import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFault } from '../../src/emulator/faults.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { cliFixture, runCli, STACK_LINE, TEST_CREDENTIALS, type CliResult } from './run-cli.js';

/** The emulator's clock is fixed, so every token expires at the same second. */
const NOW = Date.UTC(2026, 10, 28, 13, 3, 12);
const EXPIRES = '2026-11-28T14:03:12+00:00';
const TOKEN = /[A-Za-z0-9+/]+={0,2}/u;
const TITLE_ONLY = '----------------------------\n|GetIdentityCenterAuthToken|\n+--------------------------+\n';

const cli = cliFixture({ now: () => NOW });

const env = (extra: Record<string, string> = {}) => ({ ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1', ...extra });

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['--endpoint-url', cli.emulator.url, ...args], { home: cli.home, env: env(extraEnv) });
}

function ok(result: CliResult): string {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const lastIds = () => {
  const params = cli.emulator.requests.at(-1)?.params ?? {};
  return Object.keys(params)
    .filter((k) => k.startsWith('ClusterIds.'))
    .sort()
    .map((k) => params[k]);
};

describe('output formats like AWS CLI v2', () => {
  it('json by default: 4-space indent, Token then ExpirationTime with +00:00', async () => {
    const stdout = ok(await run(['--cluster-ids', 'analytics-prod']));
    expect(stdout).toMatch(new RegExp(`^\\{\\n    "Token": "${TOKEN.source}",\\n    "ExpirationTime": "${EXPIRES.replaceAll('+', '\\+')}"\\n\\}\\n$`, 'u'));
    expect(lastIds()).toEqual(['analytics-prod']);
    expect(cli.emulator.requests.at(-1)).toMatchObject({ action: 'GetIdentityCenterAuthToken', status: 200, authorization: true });
  });

  it('sends every ID given', async () => {
    ok(await run(['--cluster-ids', 'analytics-prod', 'finance-dw', '--output', 'json']));
    expect(lastIds()).toEqual(['analytics-prod', 'finance-dw']);
  });

  it('text: values tab-separated in key order (ExpirationTime before Token)', async () => {
    const stdout = ok(await run(['--cluster-ids', 'analytics-prod', '--output', 'text']));
    expect(stdout).toMatch(new RegExp(`^${EXPIRES.replace('+', '\\+')}\\t${TOKEN.source}\\n$`, 'u'));
  });

  it('table: the CLI borders, title and name/value rows (the token is wider than 80 columns)', async () => {
    const stdout = ok(await run(['--cluster-ids', 'analytics-prod', '--output', 'table']));
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^-+$/u);
    expect(lines[1]).toMatch(/^\|\s+GetIdentityCenterAuthToken\s+\|$/u);
    expect(lines[2]).toMatch(/^\+-{16}\+-+\+$/u);
    expect(lines[3]).toMatch(new RegExp(`^\\|  ExpirationTime\\|  ${EXPIRES.replace('+', '\\+')}\\s+\\|$`, 'u'));
    expect(lines[4]).toMatch(new RegExp(`^\\|  Token         \\|  ${TOKEN.source}\\s+\\|$`, 'u'));
    expect(lines[5]).toBe(lines[2]);
    expect(new Set(lines.slice(0, 6).map((l) => l.length)).size).toBe(1);
    expect(stdout).not.toContain('\u001B[');
  });

  it.each([
    ['json', `"${EXPIRES}"\n`],
    ['text', `${EXPIRES}\n`],
    ['table', TITLE_ONLY],
  ])('--query ExpirationTime --output %s', async (format, expected) => {
    expect(ok(await run(['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', '--output', format]))).toBe(expected);
  });

  it('--query Token --output text prints the bare token for $(…)', async () => {
    expect(ok(await run(['--cluster-ids', 'analytics-prod', '--query', 'Token', '--output', 'text']))).toMatch(new RegExp(`^${TOKEN.source}\\n$`, 'u'));
  });

  it('--query with a projection, in each format', async () => {
    const q = ['--cluster-ids', 'analytics-prod', '--query', '{Expires: ExpirationTime, Clusters: `["analytics-prod"]`}'];
    expect(ok(await run([...q, '--output', 'json']))).toBe(`{\n    "Expires": "${EXPIRES}",\n    "Clusters": [\n        "analytics-prod"\n    ]\n}\n`);
    expect(ok(await run([...q, '--output', 'text']))).toBe(`${EXPIRES}\nCLUSTERS\tanalytics-prod\n`);
    expect(ok(await run([...q, '--output', 'table']))).toBe(
      [
        '------------------------------------------',
        '|       GetIdentityCenterAuthToken       |',
        '+----------+-----------------------------+',
        `|  Expires |  ${EXPIRES}  |`,
        '+----------+-----------------------------+',
        '||               Clusters               ||',
        '|+--------------------------------------+|',
        '||  analytics-prod                      ||',
        '|+--------------------------------------+|',
        '',
      ].join('\n'),
    );
  });

  it('a query that matches nothing prints null / None / nothing, as the CLI', async () => {
    const q = ['--cluster-ids', 'analytics-prod', '--query', 'Missing'];
    expect(ok(await run([...q, '--output', 'json']))).toBe('null\n');
    expect(ok(await run([...q, '--output', 'text']))).toBe('None\n');
    expect(ok(await run([...q, '--output', 'table']))).toBe('');
  });

  it('takes --cluster-ids as a JSON list, and the last of a repeated --cluster-ids, as the AWS CLI does', async () => {
    const before = cli.emulator.requests.length;
    ok(await run(['--cluster-ids', '["analytics-prod", "finance-dw"]', '--query', 'ExpirationTime']));
    ok(await run(['--cluster-ids', 'no-such-cluster', '--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime']));
    const sent = cli.emulator.requests.slice(before).map((r) => r.params);
    expect(sent[0]).toMatchObject({ 'ClusterIds.ClusterIdentifier.1': 'analytics-prod', 'ClusterIds.ClusterIdentifier.2': 'finance-dw' });
    expect(sent[1]).toMatchObject({ 'ClusterIds.ClusterIdentifier.1': 'analytics-prod' });
    expect(sent[1]).not.toHaveProperty('ClusterIds.ClusterIdentifier.2');
  });

  it.each([
    ['--no-cli-pager'],
    ['--cli-binary-format', 'raw-in-base64-out'],
    ['--cli-binary-format', 'base64'],
    ['--cli-auto-prompt'],
    ['--no-cli-auto-prompt'],
  ])('the AWS CLI v2 global option %s is accepted and changes nothing', async (...option) => {
    expect(ok(await run(['--cluster-ids', 'analytics-prod', ...option, '--query', 'ExpirationTime']))).toBe(`"${EXPIRES}"\n`);
  });

  it('--no-paginate is accepted and changes nothing', async () => {
    expect(ok(await run(['--cluster-ids', 'analytics-prod', '--no-paginate', '--query', 'ExpirationTime']))).toBe(`"${EXPIRES}"\n`);
  });
});

describe('--generate-cli-skeleton', () => {
  const INPUT = '{\n    "ClusterIds": [\n        ""\n    ]\n}\n';

  it.each([[[]], [['input']]])('input %j prints the input skeleton without a request', async (kind) => {
    const before = cli.emulator.requests.length;
    expect(ok(await run(['--generate-cli-skeleton', ...kind]))).toBe(INPUT);
    expect(cli.emulator.requests.length).toBe(before);
  });

  it('output checks the input, then prints the sample answer in the chosen format, without a request', async () => {
    const before = cli.emulator.requests.length;
    expect(ok(await run(['--generate-cli-skeleton', 'output', '--cluster-ids', 'analytics-prod']))).toBe(
      '{\n    "Token": "Token",\n    "ExpirationTime": "1970-01-01T00:00:00"\n}\n',
    );
    expect(ok(await run(['--generate-cli-skeleton', 'output', '--cluster-ids', 'x', '--output', 'text']))).toBe('1970-01-01 00:00:00\tToken\n');
    expect(ok(await run(['--generate-cli-skeleton', 'output', '--cluster-ids', 'x', '--output', 'table']))).toBe(
      [
        '----------------------------------',
        '|   GetIdentityCenterAuthToken   |',
        '+----------------------+---------+',
        '|    ExpirationTime    |  Token  |',
        '+----------------------+---------+',
        '|  1970-01-01 00:00:00 |  Token  |',
        '+----------------------+---------+',
        '',
      ].join('\n'),
    );
    expect(ok(await run(['--generate-cli-skeleton', 'output', '--cluster-ids', 'x', '--query', 'Token']))).toBe('"Token"\n');
    expect(cli.emulator.requests.length).toBe(before);
    const bad = await run(['--generate-cli-skeleton', 'output']);
    expect(bad.code).toBe(252);
    expect(bad.stderr).toContain('No cluster IDs given');
  });

  it('round-trips: a filled-in input skeleton works as --cli-input-json', async () => {
    const skeleton = JSON.parse(ok(await run(['--generate-cli-skeleton']))) as { ClusterIds: string[] };
    skeleton.ClusterIds = ['finance-dw'];
    ok(await run(['--cli-input-json', JSON.stringify(skeleton), '--query', 'ExpirationTime']));
    expect(lastIds()).toEqual(['finance-dw']);
  });
});

describe('--cli-input-json', () => {
  it('takes a JSON string', async () => {
    expect(ok(await run(['--cli-input-json', '{"ClusterIds": ["analytics-prod", "finance-dw"]}', '--query', 'ExpirationTime']))).toBe(`"${EXPIRES}"\n`);
    expect(lastIds()).toEqual(['analytics-prod', 'finance-dw']);
  });

  it('takes file://path, relative to the current directory', async () => {
    writeFileSync(join(cli.home.dir, 'input.json'), '{"ClusterIds": ["customer-360"]}');
    ok(await runCli(['--endpoint-url', cli.emulator.url, '--cli-input-json', 'file://input.json', '--output', 'text'], { home: cli.home, env: env(), cwd: cli.home.dir }));
    expect(lastIds()).toEqual(['customer-360']);
    ok(await run(['--cli-input-json', `file://${join(cli.home.dir, 'input.json')}`, '--output', 'text']));
    expect(lastIds()).toEqual(['customer-360']);
  });

  it('is overridden by --cluster-ids on the command line', async () => {
    ok(await run(['--cli-input-json', '{"ClusterIds": ["customer-360"]}', '--cluster-ids', 'finance-dw', '--output', 'text']));
    expect(lastIds()).toEqual(['finance-dw']);
  });

  it('runs scripted even without --output (it is operation input, not a preselection)', async () => {
    expect(ok(await run(['--cli-input-json', '{"ClusterIds": ["customer-360"]}']))).toContain('"ExpirationTime"');
  });
});

describe('settings precedence: command line > environment > config', () => {
  const profileWithOutput = (output: string) => {
    cli.home.writeConfig(`[default]\noutput = ${output}\n\n[profile team]\noutput = table\nregion = us-east-1\n`);
    cli.home.writeCredentials(`[team]\naws_access_key_id = AKIDTEAM\naws_secret_access_key = team-secret\n`);
  };
  const q = ['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime'];

  it('output from the profile', async () => {
    profileWithOutput('text');
    expect(ok(await run(q))).toBe(`${EXPIRES}\n`);
  });

  it('output from a named profile (--profile and AWS_PROFILE)', async () => {
    profileWithOutput('text');
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...noEnvCredentials } = TEST_CREDENTIALS;
    const teamEnv = { ...noEnvCredentials, AWS_MAX_ATTEMPTS: '1' };
    const byFlag = await runCli(['--endpoint-url', cli.emulator.url, '--profile', 'team', ...q], { home: cli.home, env: teamEnv });
    expect(ok(byFlag)).toBe(TITLE_ONLY);
    const byEnv = await runCli(['--endpoint-url', cli.emulator.url, ...q], { home: cli.home, env: { ...teamEnv, AWS_PROFILE: 'team' } });
    expect(ok(byEnv)).toBe(TITLE_ONLY);
  });

  it('AWS_DEFAULT_OUTPUT beats the profile', async () => {
    profileWithOutput('text');
    expect(ok(await run(q, { AWS_DEFAULT_OUTPUT: 'json' }))).toBe(`"${EXPIRES}"\n`);
  });

  it('--output beats AWS_DEFAULT_OUTPUT and the profile', async () => {
    profileWithOutput('text');
    expect(ok(await run([...q, '--output', 'table'], { AWS_DEFAULT_OUTPUT: 'json' }))).toBe(TITLE_ONLY);
  });

  it('cli_timestamp_format = wire keeps the timestamp as sent', async () => {
    cli.home.writeConfig('[default]\ncli_timestamp_format = wire\n');
    expect(ok(await run(q))).toBe('"2026-11-28T14:03:12.000Z"\n');
  });

  it('region and endpoint from the environment', async () => {
    const result = await runCli(['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime'], {
      home: cli.home,
      env: { ...TEST_CREDENTIALS, AWS_DEFAULT_REGION: 'us-east-1', AWS_ENDPOINT_URL_REDSHIFT: cli.emulator.url },
    });
    expect(ok(result)).toBe(`"${EXPIRES}"\n`);
  });
});

describe('colour', () => {
  const q = ['--cluster-ids', 'analytics-prod', '--query', '{E: ExpirationTime}', '--output', 'table'];
  const coloured = (stdout: string) => stdout.includes('\u001B[1m\u001B[34m');

  it('is off when stdout is not a terminal', async () => {
    expect(coloured(ok(await run(q)))).toBe(false);
  });

  it('--color on colours the table values', async () => {
    const stdout = ok(await run([...q, '--color', 'on']));
    expect(stdout).toContain(`|  \u001B[1m\u001B[34mE\u001B[0m|  \u001B[1m\u001B[34m${EXPIRES}\u001B[0m   |`);
  });

  it('FORCE_COLOR does not colour a pipe (as the AWS CLI); --color off and NO_COLOR keep it off', async () => {
    expect(coloured(ok(await run(q, { FORCE_COLOR: '1' })))).toBe(false);
    expect(coloured(ok(await run([...q, '--color', 'on'], { FORCE_COLOR: '1' })))).toBe(true);
    expect(coloured(ok(await run([...q, '--color', 'off'], { FORCE_COLOR: '1' })))).toBe(false);
    expect(coloured(ok(await run(q, { NO_COLOR: '1' })))).toBe(false);
  });

  it('never colours json or text', async () => {
    expect(ok(await run(['--cluster-ids', 'analytics-prod', '--color', 'on', '--query', 'ExpirationTime']))).toBe(`"${EXPIRES}"\n`);
    expect(ok(await run(['--cluster-ids', 'analytics-prod', '--color', 'on', '--query', 'ExpirationTime', '--output', 'text']))).toBe(`${EXPIRES}\n`);
  });

  it('colours the error line with --color on', async () => {
    const result = await run(['--cluster-ids', 'no-such-cluster', '--color', 'on']);
    expect(result.code).toBe(254);
    expect(result.stderr).toMatch(/^\u001B\[31midc-tui: .*\u001B\[0m\n[^\u001B]+\n$/u);
  });
});

describe('--version, --help, --demo', () => {
  it('--version', async () => {
    const stdout = ok(await runCli(['--version'], { home: cli.home }));
    expect(stdout).toBe(`idc-tui/0.1.0 node/${process.versions.node}\n`);
  });

  it('--help lists every AWS CLI option', async () => {
    const stdout = ok(await runCli(['--help'], { home: cli.home }));
    for (const option of [
      '--cluster-ids',
      '--cli-input-json',
      '--generate-cli-skeleton',
      '--debug',
      '--endpoint-url',
      '--no-verify-ssl',
      '--no-paginate',
      '--output',
      '--query',
      '--profile',
      '--region',
      '--version',
      '--color',
      '--no-sign-request',
      '--ca-bundle',
      '--cli-read-timeout',
      '--cli-connect-timeout',
      '--help',
    ]) {
      expect(stdout).toContain(option);
    }
  });

  it('--demo works scripted against the embedded emulator, without credentials', async () => {
    const result = await runCli(['--demo', '--cluster-ids', 'analytics-prod', '--query', 'Token', '--output', 'text'], { home: cli.home });
    expect(ok(result)).toMatch(new RegExp(`^${TOKEN.source}\\n$`, 'u'));
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('a token that cannot be used as it is', () => {
  // A server clock three hours ahead of this one: its Date header tells the SDK, which corrects for it.
  let ahead: RunningEmulator;
  beforeAll(async () => {
    ahead = await startEmulator({ now: () => Date.now() + 3 * 3600_000 });
  });
  afterAll(() => ahead.close());
  beforeEach(() => ahead.setFaults([]));
  const runAhead = (args: string[]) => runCli(['--endpoint-url', ahead.url, ...args], { home: cli.home, env: env() });

  it('already expired on arrival: printed as AWS answered it, exit 0, and one warning line on stderr', async () => {
    ahead.setFaults([parseFault('past-expiry')]);
    const result = await runAhead(['--cluster-ids', 'analytics-prod', '--output', 'json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { Token: string; ExpirationTime: string };
    expect(result.stderr).toMatch(
      /^warning: this token had already expired when it arrived: ExpirationTime .*, 5 min before this computer's clock \(after correcting a 3 h clock offset\)\. Ask again;.*\n$/u,
    );
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).not.toContain(printed.Token);
  });

  it('a fresh token from a server three hours ahead: no warning', async () => {
    const stdout = ok(await runAhead(['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', '--output', 'text']));
    // An hour after the server's clock, which is three hours ahead of this one.
    expect(Date.parse(stdout.trim()) - Date.now()).toBeGreaterThan(3.9 * 3600_000);
  });
});
