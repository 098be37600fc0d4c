import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { AppError } from '../../src/domain/errors.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';

export const TEST_KEY_ID = 'AKIDTESTEXAMPLE';

export interface AwsHome {
  dir: string;
  configFile: string;
  credentialsFile: string;
  writeConfig(text: string): void;
  writeCredentials(text: string): void;
  restore(): void;
}

/**
 * Points the SDK's default chain at an empty temp HOME with no AWS_* variables, no IMDS,
 * then applies `env`. restore() puts process.env back.
 */
export function isolatedAwsHome(env: Record<string, string> = {}): AwsHome {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'idc-tui-aws-'));
  mkdirSync(join(dir, '.aws'));
  const configFile = join(dir, '.aws', 'config');
  const credentialsFile = join(dir, '.aws', 'credentials');
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, {
    HOME: dir,
    USERPROFILE: dir,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...env,
  });
  return {
    dir,
    configFile,
    credentialsFile,
    writeConfig: (text) => writeFileSync(configFile, text),
    writeCredentials: (text) => writeFileSync(credentialsFile, text),
    restore: () => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Static credentials and a region from the environment, as most tests need. */
export const envCredentials = {
  AWS_ACCESS_KEY_ID: TEST_KEY_ID,
  AWS_SECRET_ACCESS_KEY: 'test-secret',
  AWS_REGION: 'us-east-1',
};

/** The AppError a call fails with; fails the test when it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/**
 * Each test of the calling file runs in a private AWS home with credentials in the environment;
 * the returned function starts an emulator that is closed after the test.
 */
export function emulatorPerTest(): (opts?: EmulatorOptions) => Promise<RunningEmulator> {
  let home: AwsHome | undefined;
  let running: RunningEmulator | undefined;
  beforeEach(() => {
    home = isolatedAwsHome(envCredentials);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    home?.restore();
  });
  return async (opts = {}) => (running = await startEmulator(opts));
}
