import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { makeCliHome, runCli, TEST_CREDENTIALS, type CliHome } from './run-cli.js';

/**
 * Bonus: the same calls through the real `aws` (when it is on PATH) and through idc-tui, against
 * one emulator with a fixed clock, compared byte for byte. AWS CLI v1 needs
 * cli_timestamp_format = iso8601 to print timestamps as v2 does; idc-tui's default is the same.
 */
const hasAws = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;
const NOW = Date.UTC(2026, 10, 28, 13, 3, 12, 250);

let emulator: RunningEmulator;
let home: CliHome;

beforeAll(async () => {
  emulator = await startEmulator({ now: () => NOW });
  home = makeCliHome();
  home.writeConfig('[default]\ncli_timestamp_format = iso8601\n');
});

afterAll(async () => {
  await emulator.close();
  home.cleanup();
});

const env = () => ({ ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' });

function aws(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      'aws',
      ['redshift', 'get-identity-center-auth-token', '--endpoint-url', emulator.url, ...args],
      { env: { ...home.baseEnv(), ...env() } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout + stderr }),
    );
  });
}

async function idcTui(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const result = await runCli(['--endpoint-url', emulator.url, ...args], { home, env: env() });
  return { code: result.code, stdout: result.stdout };
}

/** Tokens are random per call: compare with the token replaced by a placeholder (full tables are left to the formatter parity test). */
function withoutToken(text: string): string {
  return text.replace(/[A-Za-z0-9+/]{200,}={0,2}/gu, 'TOKEN');
}

describe.skipIf(!hasAws)('same output as the real AWS CLI', () => {
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
  ];

  it.each(cases)('%s', async (_name, args) => {
    const [theirs, ours] = await Promise.all([aws(args), idcTui(args)]);
    expect(theirs.code, theirs.stdout).toBe(0);
    expect(ours.code).toBe(0);
    expect(withoutToken(ours.stdout)).toBe(withoutToken(theirs.stdout));
  });
});
