import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';
import { assertBuilt, binPath, repoRoot } from '../e2e/built-binary.js';

export { assertBuilt } from '../e2e/built-binary.js';

/** A stack frame line: never on stderr without --debug. */
export const STACK_LINE = /^\s+at /m;

export const TEST_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDCLITESTEXAMPLE', AWS_SECRET_ACCESS_KEY: 'cli-test-secret' };

/** A temp HOME with its own ~/.aws files, so no real AWS configuration or credentials are read. */
export interface CliHome {
  dir: string;
  configFile: string;
  credentialsFile: string;
  writeConfig(text: string): void;
  writeCredentials(text: string): void;
  /** The environment a run starts from: nothing inherited but PATH, plus the isolation variables. */
  baseEnv(): Record<string, string>;
  cleanup(): void;
}

export function makeCliHome(): CliHome {
  const dir = mkdtempSync(join(tmpdir(), 'idc-tui-cli-'));
  mkdirSync(join(dir, '.aws'));
  const configFile = join(dir, '.aws', 'config');
  const credentialsFile = join(dir, '.aws', 'credentials');
  return {
    dir,
    configFile,
    credentialsFile,
    writeConfig: (text) => writeFileSync(configFile, text),
    writeCredentials: (text) => writeFileSync(credentialsFile, text),
    baseEnv: () => ({
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, '.config'),
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'dumb',
    }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One emulator and one CLI home for a test file; before each test the ~/.aws files are emptied and the faults cleared. */
export function cliFixture(options: EmulatorOptions = {}): { readonly emulator: RunningEmulator; readonly home: CliHome } {
  const fixture = {} as { emulator: RunningEmulator; home: CliHome };
  beforeAll(async () => {
    fixture.emulator = await startEmulator(options);
    fixture.home = makeCliHome();
  });
  afterAll(async () => {
    await fixture.emulator.close();
    fixture.home.cleanup();
  });
  beforeEach(() => {
    fixture.home.writeConfig('');
    fixture.home.writeCredentials('');
    fixture.emulator.setFaults([]);
  });
  return fixture;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  home: CliHome;
  /** Added to the home's base environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Kill the run after this long (a hung run fails the test rather than the suite). */
  timeoutMs?: number;
}

/** Starts the built `idc-tui` with pipes (not a terminal) for stdin, stdout and stderr. */
export function startCli(args: readonly string[], options: RunOptions): ChildProcessWithoutNullStreams {
  assertBuilt();
  return spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...options.home.baseEnv(), ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcessWithoutNullStreams, timeoutMs = 20_000): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`idc-tui did not finish within ${timeoutMs} ms; stderr so far:\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  return collect(startCli(args, options), options.timeoutMs);
}
