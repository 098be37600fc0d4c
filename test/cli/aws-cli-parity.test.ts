import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { addRedshiftModel, AWS_CLI, hasAwsCliV2, requireOnCi } from '../support/aws-cli-v2.js';
import { makeCliHome, runCli, TEST_CREDENTIALS, type CliHome } from './run-cli.js';

/**
 * The same calls through the real AWS CLI v2 (Debian's awscli, with the Redshift model from
 * test/fixtures added to its temp HOME) and through idc-tui, against one emulator with a fixed
 * clock: output compared byte for byte, error lines and exit codes compared. Skipped locally
 * when the CLI is missing; on CI that fails.
 */
const NOW = Date.UTC(2026, 10, 28, 13, 3, 12, 250);

let emulator: RunningEmulator;
let home: CliHome;

beforeAll(async () => {
  emulator = await startEmulator({ now: () => NOW });
  home = makeCliHome();
  home.writeConfig('[default]\ncli_timestamp_format = iso8601\n');
  if (hasAwsCliV2) addRedshiftModel(home.dir);
});

afterAll(async () => {
  await emulator.close();
  home.cleanup();
});

const env = () => ({ ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function aws(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      ['redshift', 'get-identity-center-auth-token', '--endpoint-url', emulator.url, ...args],
      { env: { ...home.baseEnv(), ...env(), ...extraEnv } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function idcTui(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const result = await runCli(['--endpoint-url', emulator.url, ...args], { home, env: { ...env(), ...extraEnv } });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's error line (it prints a blank line first) and idc-tui's first line without its prefix. */
const theirLine = (run: Run) => run.stderr.trim().split('\n')[0];
const ourLine = (run: Run) => run.stderr.split('\n')[0]?.replace(/^idc-tui: /u, '');

requireOnCi('The AWS CLI v2 (/usr/bin/aws)', hasAwsCliV2);

/** Tokens are random per call: compare with the token replaced by a placeholder (full tables are left to the formatter parity test). */
function withoutToken(text: string): string {
  return text.replace(/[A-Za-z0-9+/]{200,}={0,2}/gu, 'TOKEN');
}

describe.skipIf(!hasAwsCliV2)('same output as the real AWS CLI v2', () => {
  const cases: [string, string[]][] = [
    ['json', ['--cluster-ids', 'analytics-prod']],
    ['text', ['--cluster-ids', 'analytics-prod', '--output', 'text']],
    ['--query ExpirationTime json', ['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime']],
    ['--query ExpirationTime text', ['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', '--output', 'text']],
    ['--query ExpirationTime table', ['--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', '--output', 'table']],
    ['--query projection table', ['--cluster-ids', 'analytics-prod', 'finance-dw', '--query', '{E: ExpirationTime, C: `["analytics-prod", "finance-dw"]`, N: `null`, B: `true`}', '--output', 'table']],
    ['--query projection text', ['--cluster-ids', 'analytics-prod', '--query', '{E: ExpirationTime, C: `["analytics-prod"]`, N: `null`}', '--output', 'text']],
    ['--query nothing json', ['--cluster-ids', 'analytics-prod', '--query', 'Nothing']],
    ['--query nothing text', ['--cluster-ids', 'analytics-prod', '--query', 'Nothing', '--output', 'text']],
    ['input skeleton', ['--generate-cli-skeleton']],
    ['output skeleton json', ['--generate-cli-skeleton', 'output', '--cluster-ids', 'x']],
    ['output skeleton text', ['--generate-cli-skeleton', 'output', '--cluster-ids', 'x', '--output', 'text']],
    ['output skeleton table', ['--generate-cli-skeleton', 'output', '--cluster-ids', 'x', '--output', 'table']],
    ['cli-input-json', ['--cli-input-json', '{"ClusterIds": ["analytics-prod"]}', '--query', 'ExpirationTime']],
    ['--cluster-ids as a JSON list', ['--cluster-ids', '["analytics-prod", "finance-dw"]', '--query', 'ExpirationTime']],
    ['a repeated --cluster-ids: the last wins', ['--cluster-ids', 'no-such-cluster', '--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime']],
    ['v2 global options', ['--cluster-ids', 'analytics-prod', '--no-cli-pager', '--cli-binary-format', 'raw-in-base64-out', '--no-cli-auto-prompt', '--query', 'ExpirationTime']],
  ];

  it.each(cases)('%s', async (_name, args) => {
    const [theirs, ours] = await Promise.all([aws(args), idcTui(args)]);
    expect(theirs.code, theirs.stdout).toBe(0);
    expect(ours.code).toBe(0);
    expect(withoutToken(ours.stdout)).toBe(withoutToken(theirs.stdout));
  });
});

describe.skipIf(!hasAwsCliV2)('same error line and exit code as the real AWS CLI v2', () => {
  it.each([
    ['ClusterNotFound', ['--cluster-ids', 'no-such-cluster']],
    ['ClusterNotFound, one of two', ['--cluster-ids', 'analytics-prod', 'no-such-cluster']],
    ['InvalidClusterState', ['--cluster-ids', 'analytics-dev']],
  ])('%s', async (_name, args) => {
    const [theirs, ours] = await Promise.all([aws(args), idcTui(args)]);
    expect(theirs.code, theirs.stderr).toBe(254);
    expect(ours.code).toBe(254);
    expect(ourLine(ours)).toBe(theirLine(theirs));
  });

  it.each([
    ['ExpiredToken', 'expired-creds', {}],
    ['UnsupportedOperation', 'unsupported', {}],
    ['Throttling, after the last attempt', 'throttle', { AWS_MAX_ATTEMPTS: '1' }],
    ['InternalFailure (500), after the last attempt', '500', { AWS_MAX_ATTEMPTS: '1' }],
  ] as const)('%s', async (_name, fault, extraEnv) => {
    const args = ['--cluster-ids', 'analytics-prod'];
    emulator.setFaults([{ kind: fault }]);
    try {
      const theirs = await aws(args, extraEnv);
      const ours = await idcTui(args, extraEnv);
      expect(theirs.code, theirs.stderr).toBe(254);
      expect(ours.code).toBe(254);
      expect(ourLine(ours)).toBe(theirLine(theirs));
    } finally {
      emulator.setFaults([]);
    }
  });

  it.each([
    ['a profile that does not exist', ['--cluster-ids', 'analytics-prod', '--profile', 'nosuch'], 255, {}],
    ['a --query that fails on the result', ['--cluster-ids', 'analytics-prod', '--query', 'abs(Token)'], 255, {}],
    ['AWS_MAX_ATTEMPTS=0', ['--cluster-ids', 'analytics-prod'], 255, { AWS_MAX_ATTEMPTS: '0' }],
    ['AWS_RETRY_MODE=bogus', ['--cluster-ids', 'analytics-prod'], 255, { AWS_RETRY_MODE: 'bogus' }],
  ])('%s', async (_name, args, code, extraEnv: Record<string, string>) => {
    const [theirs, ours] = await Promise.all([aws(args, extraEnv), idcTui(args, extraEnv)]);
    expect(theirs.code, theirs.stderr).toBe(code);
    expect(ours.code).toBe(code);
    if (extraEnv['AWS_MAX_ATTEMPTS'] !== undefined || extraEnv['AWS_RETRY_MODE'] !== undefined) expect(ourLine(ours)).toBe(theirLine(theirs));
  });
});
