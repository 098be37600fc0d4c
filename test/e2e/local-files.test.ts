import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot, spawnEmulator, type SpawnedEmulator } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * The files idc-tui reads at start (its remembered state, its code cache) with the built binary:
 * only a regular file of a bounded size is read. A FIFO (which would hang a plain open), a
 * device, or a huge file is skipped with a --debug note, and left as it is. Two instances at once
 * keep each other's selections.
 */
const LIST = /sort recent · 36 clusters/;

let session: TmuxSession | undefined;
let emulator: SpawnedEmulator;
let root: string;
let home: string;

beforeAll(async () => {
  assertBuilt();
  emulator = await spawnEmulator();
  root = mkdtempSync(join(tmpdir(), 'idc-local-files-'));
  home = join(root, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  writeFileSync(
    join(home, '.aws', 'config'),
    `[profile work]\nregion = us-east-1\nendpoint_url = ${emulator.url}\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n` +
      `[profile other]\nregion = eu-west-1\nendpoint_url = ${emulator.url}\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n`,
  );
});
afterEach(() => {
  session?.kill();
  session = undefined;
});
afterAll(async () => {
  await emulator?.stop();
  rmSync(root, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

interface Dirs {
  config: string;
  cache: string;
  /** $XDG_CONFIG_HOME/idc-tui/state.json */
  state: string;
  stderr: string;
}

function dirs(): Dirs {
  const base = mkdtempSync(join(root, 'run-'));
  const config = join(base, 'config');
  mkdirSync(join(config, 'idc-tui'), { recursive: true, mode: 0o700 });
  return { config, cache: join(base, 'cache'), state: join(config, 'idc-tui', 'state.json'), stderr: join(base, 'stderr.txt') };
}

function env(d: Dirs): Record<string, string> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: d.config,
    XDG_CACHE_HOME: d.cache,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** The TUI with --debug in tmux, its stderr in a file. */
function launch(d: Dirs, args: string): TmuxSession {
  session = start(d, args);
  return session;
}

function start(d: Dirs, args: string): TmuxSession {
  return TmuxSession.start(
    `env -u AWS_PROFILE -u AWS_REGION -u AWS_DEFAULT_REGION -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY node ${shellQuote(binPath)} --debug ${args} 2>${shellQuote(d.stderr)}`,
    { columns: 120, rows: 32, cwd: repoRoot, env: env(d) },
  );
}

/** Starts the TUI, selects the first cluster (a change the app would save) and quits; returns stderr. */
async function selectAndQuit(d: Dirs): Promise<string> {
  const s = launch(d, '--profile work');
  await s.waitFor(LIST);
  s.send('Space');
  await s.waitFor('1/20');
  s.send('q');
  expect(await s.exitStatus()).toBe(0);
  return readFileSync(d.stderr, 'utf8');
}

describe('state.json that is not a regular file of a bounded size', () => {
  it('a FIFO is skipped without hanging the start, noted under --debug, and left a FIFO', async () => {
    const d = dirs();
    execFileSync('mkfifo', ['-m', '600', d.state]);
    const stderr = await selectAndQuit(d);
    expect(stderr).toContain(`debug: remembered state not read and not saved (a FIFO, not a regular file): ${d.state}\n`);
    expect(lstatSync(d.state).isFIFO()).toBe(true);
  }, 40_000);

  it('a symlink to /dev/zero is skipped at once, noted, and stays that symlink', async () => {
    const d = dirs();
    symlinkSync('/dev/zero', d.state);
    const stderr = await selectAndQuit(d);
    expect(stderr).toContain(`debug: remembered state not read and not saved (a character device, not a regular file): ${d.state}\n`);
    expect(readlinkSync(d.state)).toBe('/dev/zero');
  }, 40_000);

  it('a 10 MB file is skipped, noted, and left as it was', async () => {
    const d = dirs();
    const big = `{"version":1,"targets":{},"pad":"${'x'.repeat(10 * 1024 * 1024)}"}\n`;
    writeFileSync(d.state, big, { mode: 0o600 });
    const stderr = await selectAndQuit(d);
    expect(stderr).toContain(`debug: remembered state not read and not saved (${Buffer.byteLength(big)} bytes, more than the 1048576 allowed): ${d.state}\n`);
    expect(statSync(d.state).size).toBe(Buffer.byteLength(big));
    expect(readFileSync(d.state, 'utf8') === big).toBe(true);
  }, 40_000);
});

describe('a code cache file that is not a regular file', () => {
  /** `idc-tui --version --debug` with a code cache directory whose file for this build is made by `plant`. */
  function versionWith(plant: (file: string) => void): { status: number | null; stdout: string; stderr: string; file: string } {
    const d = dirs();
    const run = () =>
      spawnSync(process.execPath, [binPath, '--version', '--debug'], { env: { PATH: process.env['PATH'] ?? '', ...env(d), IDC_TUI_BUILT_CODE_CACHE: 'off' }, encoding: 'utf8', timeout: 15_000 });
    const file = /^debug: code cache empty: (\/.+)$/m.exec(run().stderr)?.[1];
    expect(file).toBeDefined();
    mkdirSync(join(d.cache, 'idc-tui'), { recursive: true, mode: 0o700 });
    plant(file!);
    const result = run();
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, file: file! };
  }

  it('a FIFO is skipped without hanging, with a --debug note', () => {
    const run = versionWith((file) => execFileSync('mkfifo', ['-m', '600', file]));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^idc-tui\//);
    expect(run.stderr).toContain(`debug: code cache skipped (a FIFO, not a regular file): ${run.file}\n`);
    expect(existsSync(run.file) && lstatSync(run.file).isFIFO()).toBe(true);
  });

  it('a symlink to /dev/zero is skipped at once, with a --debug note', () => {
    const run = versionWith((file) => symlinkSync('/dev/zero', file));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`debug: code cache skipped (a character device, not a regular file): ${run.file}\n`);
  });
});

describe('two instances at once', () => {
  let other: TmuxSession | undefined;
  afterEach(() => {
    other?.kill();
    other = undefined;
  });

  it('both started before either saves: each one’s selection is remembered', async () => {
    const d = dirs();
    const a = launch(d, '--profile work');
    other = start({ ...d, stderr: `${d.stderr}.b` }, '--profile other');
    await a.waitFor(LIST);
    await other.waitFor(/36 clusters/);
    a.send('Space');
    await a.waitFor('1/20');
    other.send(['Down', 'Space']);
    await other.waitFor('1/20');
    a.send('q');
    other.send('q');
    expect(await a.exitStatus()).toBe(0);
    expect(await other.exitStatus()).toBe(0);
    const saved = JSON.parse(readFileSync(d.state, 'utf8')) as { targets: Record<string, { selection: string[] }> };
    expect(Object.keys(saved.targets).sort()).toEqual(['other|eu-west-1', 'work|us-east-1']);
    expect(saved.targets['work|us-east-1']?.selection).toHaveLength(1);
    expect(saved.targets['other|eu-west-1']?.selection).toHaveLength(1);
  }, 60_000);
});
