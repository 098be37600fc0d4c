import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { cliFixture, runCli, STACK_LINE, TEST_CREDENTIALS, type CliResult } from './run-cli.js';

const cli = cliFixture();

const baseEnv = { ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' };

/** Every failure: nothing on stdout, one or two lines on stderr starting with idc-tui:, no stack. */
function expectFailure(result: CliResult, code: number, message: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^idc-tui: /u);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  expect(result.code).toBe(code);
}

interface Row {
  name: string;
  args: string[];
  env?: Record<string, string>;
  config?: string;
  code: number;
  message: RegExp;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `cluster-${i + 1}`);

/** The bad-input table of docs/scripted-mode.md. */
const BAD_INPUT: Row[] = [
  { name: 'no cluster IDs after --cluster-ids', args: ['--cluster-ids'], code: 252, message: /No cluster IDs given; a token needs at least one\./u },
  { name: 'empty cluster ID', args: ['--cli-input-json', '{"ClusterIds": [""]}'], code: 252, message: /A cluster ID is empty/u },
  { name: 'cluster ID of 64 characters', args: ['--cluster-ids', `a${'b'.repeat(63)}`], code: 252, message: /is 64 characters long; the limit is 63\./u },
  { name: 'cluster ID with an underscore', args: ['--cluster-ids', 'my_cluster'], code: 252, message: /contains "_"; only ASCII letters, digits and hyphens/u },
  { name: 'cluster ID with a comma', args: ['--cluster-ids', 'a,b'], code: 252, message: /contains ","/u },
  { name: 'cluster ID starting with a digit', args: ['--cluster-ids', '1cluster'], code: 252, message: /must start with a letter\./u },
  { name: 'cluster ID ending with a hyphen', args: ['--cluster-ids', 'cluster-'], code: 252, message: /must not end with a hyphen\./u },
  { name: 'cluster ID with two hyphens in a row', args: ['--cluster-ids', 'my--cluster'], code: 252, message: /must not contain two consecutive hyphens\./u },
  { name: '21 cluster IDs', args: ['--cluster-ids', ...ids(21)], code: 252, message: /21 cluster IDs given; one token can cover at most 20\./u },
  { name: 'duplicate cluster ID', args: ['--cluster-ids', 'finance-dw', 'finance-dw'], code: 252, message: /"finance-dw" is given more than once/u },
  { name: 'duplicate cluster ID in another case', args: ['--cluster-ids', 'finance-dw', 'Finance-DW'], code: 252, message: /are the same cluster; cluster IDs are not case-sensitive/u },
  { name: 'unknown flag', args: ['--cluster-ids', 'finance-dw', '--bogus'], code: 252, message: /unknown option '--bogus'/u },
  { name: 'unexpected argument', args: ['finance-dw'], code: 252, message: /too many arguments/u },
  { name: 'bad --output', args: ['--cluster-ids', 'finance-dw', '--output', 'yaml'], code: 252, message: /'yaml' is invalid\. Allowed choices are json, text, table\./u },
  { name: 'bad --color', args: ['--cluster-ids', 'finance-dw', '--color', 'blue'], code: 252, message: /'blue' is invalid\. Allowed choices are on, off, auto\./u },
  { name: 'bad --query syntax', args: ['--cluster-ids', 'finance-dw', '--query', 'Token['], code: 252, message: /not a valid JMESPath expression/u },
  { name: '--query that fails on the output skeleton', args: ['--generate-cli-skeleton', 'output', '--cluster-ids', 'x', '--query', 'abs(Token)'], code: 255, message: /--query "abs\(Token\)" failed on the result/u },
  { name: '--query that fails on the result', args: ['--cluster-ids', 'finance-dw', '--query', 'abs(Token)'], code: 255, message: /--query "abs\(Token\)" failed on the result: abs\(\) expected argument 1 to be type number/u },
  { name: 'bad --generate-cli-skeleton', args: ['--generate-cli-skeleton', 'both'], code: 252, message: /'both' is invalid\. Allowed choices are input, output\./u },
  { name: 'malformed --cli-input-json', args: ['--cli-input-json', '{"ClusterIds": ['], code: 252, message: /--cli-input-json is not valid JSON/u },
  { name: '--cli-input-json not an object', args: ['--cli-input-json', '["finance-dw"]'], code: 252, message: /must be a JSON object, not a list\./u },
  { name: '--cli-input-json ClusterIds not a list', args: ['--cli-input-json', '{"ClusterIds": "finance-dw"}'], code: 252, message: /ClusterIds in --cli-input-json must be a list of strings, not a string\./u },
  { name: '--cli-input-json ClusterIds with a number', args: ['--cli-input-json', '{"ClusterIds": ["finance-dw", 7]}'], code: 252, message: /ClusterIds\[1\] in --cli-input-json must be a string, not a number\./u },
  { name: '--cli-input-json unknown key', args: ['--cli-input-json', '{"ClusterIds": ["finance-dw"], "Foo": 1}'], code: 252, message: /unknown key "Foo"; the only key is ClusterIds\./u },
  { name: '--cli-input-json file that does not exist', args: ['--cli-input-json', 'file:///nonexistent/input.json'], code: 252, message: /Cannot read the --cli-input-json file "\/nonexistent\/input\.json" \(ENOENT\)\./u },
  { name: '--endpoint-url without a scheme', args: ['--cluster-ids', 'finance-dw', '--endpoint-url', 'localhost:9000'], code: 252, message: /--endpoint-url .*scheme must be http or https/u },
  { name: '--endpoint-url that is not a URL', args: ['--cluster-ids', 'finance-dw', '--endpoint-url', 'not a url'], code: 252, message: /--endpoint-url .*not a URL/u },
  { name: 'negative --cli-read-timeout', args: ['--cluster-ids', 'finance-dw', '--cli-read-timeout', '-1'], code: 252, message: /--cli-read-timeout .*whole number of seconds/u },
  { name: 'non-numeric --cli-connect-timeout', args: ['--cluster-ids', 'finance-dw', '--cli-connect-timeout', 'soon'], code: 252, message: /--cli-connect-timeout .*whole number of seconds/u },
  { name: 'fractional --cli-connect-timeout', args: ['--cluster-ids', 'finance-dw', '--cli-connect-timeout', '1.5'], code: 252, message: /whole number of seconds/u },
  { name: 'missing --ca-bundle file, https endpoint', args: ['--cluster-ids', 'finance-dw', '--endpoint-url', 'https://127.0.0.1:1/', '--ca-bundle', '/nonexistent/ca.pem'], code: 253, message: /Cannot read the CA bundle "\/nonexistent\/ca\.pem" \(ENOENT\)\./u },
  { name: 'unknown profile', args: ['--cluster-ids', 'finance-dw', '--profile', 'nope'], code: 255, message: /Profile "nope" is not defined/u },
  { name: 'unknown AWS_PROFILE', args: ['--cluster-ids', 'finance-dw'], env: { AWS_PROFILE: 'nope' }, code: 255, message: /Profile "nope" is not defined/u },
  { name: 'no region', args: ['--cluster-ids', 'finance-dw'], env: { AWS_REGION: '' }, code: 253, message: /No AWS region is set\./u },
  { name: 'no credentials', args: ['--cluster-ids', 'finance-dw'], env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' }, code: 253, message: /No AWS credentials found/u },
  { name: 'AWS_DEFAULT_OUTPUT not a format', args: ['--cluster-ids', 'finance-dw'], env: { AWS_DEFAULT_OUTPUT: 'yaml' }, code: 253, message: /AWS_DEFAULT_OUTPUT is "yaml"/u },
  { name: 'profile output not a format', args: ['--cluster-ids', 'finance-dw'], config: '[default]\noutput = yaml-stream\n', code: 253, message: /sets output = yaml-stream/u },
  { name: 'bad cli_timestamp_format', args: ['--cluster-ids', 'finance-dw'], config: '[default]\ncli_timestamp_format = epoch\n', code: 253, message: /cli_timestamp_format = epoch/u },
];

describe('bad input: message and exit code, never a stack', () => {
  it.each(BAD_INPUT)('$name → $code', async ({ args, env, config, code, message }) => {
    if (config !== undefined) cli.home.writeConfig(config);
    const endpoint = args.includes('--endpoint-url') ? [] : ['--endpoint-url', cli.emulator.url];
    const before = cli.emulator.requests.length;
    const result = await runCli([...endpoint, ...args], { home: cli.home, env: { ...baseEnv, ...env } });
    expectFailure(result, code, message);
    if (code === 252 && !args.includes('abs(Token)')) expect(cli.emulator.requests.length).toBe(before);
  });
});

describe('service errors → 254', () => {
  const run = (args: string[]) => runCli(['--endpoint-url', cli.emulator.url, ...args], { home: cli.home, env: baseEnv });

  it('ClusterNotFound', async () => {
    const result = await run(['--cluster-ids', 'no-such-cluster']);
    expectFailure(result, 254, /Cluster no-such-cluster not found/u);
    expect(result.stderr.split('\n')[0]).toBe(
      'idc-tui: An error occurred (ClusterNotFound) when calling the GetIdentityCenterAuthToken operation: Cluster no-such-cluster not found.',
    );
  });

  it('InvalidClusterState', async () => {
    expectFailure(await run(['--cluster-ids', 'analytics-dev']), 254, /not in the available state/u);
  });

  it('UnsupportedOperation (no identity-enhanced credentials)', async () => {
    cli.emulator.setFaults([{ kind: 'unsupported' }]);
    const result = await run(['--cluster-ids', 'analytics-prod']);
    expect(cli.emulator.requests.at(-1)?.code).toBe('UnsupportedOperation');
    expect(result.code).toBe(254);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });
});

describe('other failures → 255', () => {
  it('connection refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const result = await runCli(['--endpoint-url', `http://127.0.0.1:${port}`, '--cluster-ids', 'analytics-prod'], { home: cli.home, env: baseEnv });
    expectFailure(result, 255, /connection refused/u);
  });
});
