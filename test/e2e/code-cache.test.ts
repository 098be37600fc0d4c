import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleDigest, codeCacheFile } from '../../src/launcher/code-cache.js';
import { missingXTools, pollUntil, startXvfb, xselRead, type XServer } from '../clipboard/x-display.js';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { openProdToken } from './demo-steps.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * V8's code cache for the bundle (src/launcher/), with the built binary: the interactive screen
 * saves it, later starts (scripted and interactive) run from it — the AWS SDK, which loads
 * node:http lazily, and the clipboard's programs, which the launcher locates — and a
 * corrupt one is refused by V8 and replaced. Every run has its own HOME and XDG directories.
 *
 * The app is started with this test's own node (process.execPath): the cache's name holds the
 * Node version, and V8 refuses a cache made by another one.
 */
const LIST = /36 clusters/;
const CACHE_LINE = /^debug: code cache (.*)$/m;
const BASE64 = /^[A-Za-z0-9+/=]{100,}$/u;
const node = shellQuote(process.execPath);
const bin = shellQuote(binPath);

let session: TmuxSession | undefined;
const roots: string[] = [];

beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
});
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

interface Dirs {
  root: string;
  home: string;
  cache: string;
  /** $XDG_CACHE_HOME/idc-tui: where the app keeps its code cache */
  codeDir: string;
  env: Record<string, string>;
}

function privateDirs(): Dirs {
  const root = mkdtempSync(join(tmpdir(), 'idc-code-cache-e2e-'));
  roots.push(root);
  const home = join(root, 'home');
  const cache = join(root, 'cache');
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: cache,
    XDG_STATE_HOME: join(root, 'state'),
    XDG_DATA_HOME: join(root, 'data'),
    // how the user's own cache is made and used; the one the build makes is tested on its own
    IDC_TUI_BUILT_CODE_CACHE: 'off',
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const dir of [home, env.XDG_CONFIG_HOME, env.XDG_STATE_HOME, env.XDG_DATA_HOME]) mkdirSync(dir, { recursive: true });
  return { root, home, cache, codeDir: join(cache, 'idc-tui'), env };
}

/** The code cache files (code-*.bin) in the app's cache directory, none when it does not exist. */
function cacheFiles(dirs: Dirs): string[] {
  if (!existsSync(dirs.codeDir)) return [];
  return readdirSync(dirs.codeDir).filter((name) => /^code-.*\.bin$/.test(name));
}

const mode = (path: string) => statSync(path).mode & 0o777;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** What the launcher names the cache for the current build and this Node. */
function expectedName(): string {
  const bundle = readFileSync(join(repoRoot, 'dist', 'idc-tui.cjs'));
  return `code-${process.version}-${process.arch}-${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}.bin`;
}

interface Scripted {
  status: number | null;
  stdout: string;
  stderr: string;
  /** the launcher's line: "used: <file>", "empty: <file>", "refused by V8: <file>", "off" */
  cacheLine: string | undefined;
}

/** A scripted run (no TTY): analytics-prod's token as JSON, with --debug. */
function scripted(dirs: Dirs, extraEnv: Record<string, string> = {}): Scripted {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('AWS_') && !k.startsWith('XDG_') && k !== 'IDC_TUI_CODE_CACHE') env[k] = v;
  }
  Object.assign(env, dirs.env, extraEnv);
  const result = spawnSync(process.execPath, [binPath, '--demo', '--output', 'json', '--cluster-ids', 'analytics-prod', '--debug'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, cacheLine: CACHE_LINE.exec(result.stderr)?.[1] };
}

function expectToken(run: Scripted): void {
  expect(run.status, run.stderr).toBe(0);
  const parsed = JSON.parse(run.stdout) as { Token?: unknown; ExpirationTime?: unknown };
  expect(typeof parsed.Token).toBe('string');
  expect(parsed.Token).toMatch(BASE64);
  expect(typeof parsed.ExpirationTime).toBe('string');
  expect(Number.isNaN(Date.parse(String(parsed.ExpirationTime)))).toBe(false);
}

/** The TUI with --debug in tmux, its stderr (the launcher's line) in a file; `run` replaces the demo command line. */
function startTui(dirs: Dirs, args: string, extraEnv: Record<string, string> = {}, run = `${node} ${bin} --demo --debug ${args}`): { session: TmuxSession; stderr: () => string } {
  const env = { ...dirs.env, ...extraEnv };
  // the tmux server has this process's environment: drop what would change the app's choices
  const unset = ['IDC_TUI_CODE_CACHE', 'DISPLAY', 'WAYLAND_DISPLAY', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].filter(
    (name) => !(name in env),
  );
  const stderrFile = join(dirs.root, `stderr-${Date.now()}-${Math.random().toString(16).slice(2)}.txt`);
  const started = TmuxSession.start(`unset ${unset.join(' ')}; ${run} 2>${shellQuote(stderrFile)}`, {
    columns: 120,
    rows: 50, // the revealed token (up to ~1.8 KB from the emulator) must fit whole on the screen
    cwd: repoRoot,
    env,
  });
  session = started;
  return {
    session: started,
    stderr: () => (existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : ''),
  };
}

/**
 * A bounded negative check: for ms, the condition must keep holding (it is read every 50 ms and
 * the first failure fails the test). Used where the thing that must not happen has a known time:
 * the launcher saves SAVE_AFTER_MS (1 s) after the screen starts, and the screen starts before
 * the list is drawn, so 2 s after the list covers it with a margin.
 */
async function keepsHolding(ms: number, check: () => void): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    check();
    await new Promise((r) => setTimeout(r, 50));
  }
  check();
}

/** Runs the TUI until it has saved its code cache; returns the file's name and bytes. */
async function primeCache(dirs: Dirs): Promise<{ name: string; bytes: Buffer; stderr: string }> {
  const tui = startTui(dirs, '');
  await tui.session.waitFor(LIST);
  const [name] = await pollUntil(() => cacheFiles(dirs), (files) => files.length === 1, 'the code cache to be saved', 10_000);
  tui.session.send('q');
  expect(await tui.session.exitStatus()).toBe(0);
  const stderr = tui.stderr();
  tui.session.kill();
  session = undefined;
  return { name: name!, bytes: readFileSync(join(dirs.codeDir, name!)), stderr };
}

/** One cache made by a TUI run, copied (0600 in 0700) into each test's own directories. */
let template: Promise<{ name: string; bytes: Buffer }> | undefined;
async function withCache(): Promise<{ dirs: Dirs; file: string; bytes: Buffer }> {
  template ??= primeCache(privateDirs());
  const { name, bytes } = await template;
  const dirs = privateDirs();
  mkdirSync(dirs.codeDir, { recursive: true, mode: 0o700 });
  const file = join(dirs.codeDir, name);
  writeFileSync(file, bytes, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { dirs, file, bytes };
}

describe('the code cache with the built binary', () => {
  it('the TUI saves one cache, 0600 in a 0700 directory, named after this Node and the bundle, soon after the list', async () => {
    const dirs = privateDirs();
    expect(existsSync(dirs.codeDir)).toBe(false);
    const tui = startTui(dirs, '');
    await tui.session.waitFor(LIST);
    const files = await pollUntil(() => cacheFiles(dirs), (found) => found.length === 1, 'exactly one code-*.bin', 10_000);
    const name = files[0]!;
    const file = join(dirs.codeDir, name);
    expect(name).toContain(process.version);
    expect(name).toBe(expectedName());
    expect(mode(file)).toBe(0o600);
    expect(mode(dirs.codeDir)).toBe(0o700);
    // written atomically: no temp file beside it, and a real cache (V8's is far larger than a header)
    expect(readdirSync(dirs.codeDir)).toEqual([name]);
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(tui.stderr()).toContain(`debug: code cache empty: ${file}\n`);

    // still working after the save
    tui.session.send('Down');
    tui.session.send('q');
    expect(await tui.session.exitStatus()).toBe(0);
    expect(cacheFiles(dirs)).toEqual([name]);
  }, 60_000);

  it('a TUI quit as soon as the list shows saves the cache as it exits', async () => {
    const dirs = privateDirs();
    const tui = startTui(dirs, '');
    await tui.session.waitFor(LIST);
    tui.session.send('q');
    expect(await tui.session.exitStatus()).toBe(0);
    expect(cacheFiles(dirs)).toEqual([expectedName()]);
    expect(statSync(join(dirs.codeDir, expectedName())).size).toBeGreaterThan(10_000);
    expect(scripted(dirs).cacheLine).toBe(`used: ${join(dirs.codeDir, expectedName())}`);
  }, 60_000);

  it('a TUI stopped by SIGTERM as soon as the list shows saves the cache as it exits', async () => {
    const dirs = privateDirs();
    const pidFile = join(dirs.root, 'pid');
    const tui = startTui(dirs, '', {}, `echo $$ > ${shellQuote(pidFile)}; exec ${node} ${bin} --demo --debug`);
    await tui.session.waitFor(LIST);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    process.kill(pid, 'SIGTERM');
    await pollUntil(() => isRunning(pid), (running) => !running, 'the app to exit on SIGTERM', 10_000);
    expect(cacheFiles(dirs)).toEqual([expectedName()]);
    expect(scripted(dirs).cacheLine).toBe(`used: ${join(dirs.codeDir, expectedName())}`);
  }, 60_000);

  it('a TUI quit before the list is drawn saves nothing: its code would lack the list', async () => {
    const dirs = privateDirs();
    const silent = createServer(() => {}); // takes the connection, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const credentials = { AWS_ACCESS_KEY_ID: 'AKIDCODECACHE', AWS_SECRET_ACCESS_KEY: 'code-cache-secret', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` };
      const tui = startTui(dirs, '', credentials, `${node} ${bin} --debug --endpoint-url http://127.0.0.1:${port}`);
      await tui.session.waitFor(/loading/i);
      tui.session.send('q');
      expect(await tui.session.exitStatus()).toBe(0);
      expect(tui.stderr()).toContain('debug: code cache empty:');
      expect(cacheFiles(dirs)).toEqual([]);
    } finally {
      silent.close();
    }
  }, 60_000);

  it('a first start with no cache of the user’s runs from the one the build made beside the bundle (for the Node that built it)', async () => {
    const dirs = privateDirs();
    const builtNames = readdirSync(join(repoRoot, 'dist')).filter((name) => /^code-.*\.bin$/.test(name));
    expect(builtNames, 'npm run build makes one dist/code-*.bin (scripts/warm-code-cache.mjs)').toHaveLength(1);
    const built = join(repoRoot, 'dist', builtNames[0]!);
    const forThisNode = builtNames[0] === expectedName();
    const tui = startTui(dirs, '', { IDC_TUI_BUILT_CODE_CACHE: '' });
    await tui.session.waitFor(LIST);
    tui.session.send('q');
    expect(await tui.session.exitStatus()).toBe(0);
    if (forThisNode) {
      expect(tui.stderr()).toContain(`debug: code cache used: ${built}\n`);
      expect(existsSync(dirs.codeDir)).toBe(false);
      expect(scripted(dirs, { IDC_TUI_BUILT_CODE_CACHE: '' }).cacheLine).toBe(`used: ${built}`);
    } else {
      // built by another Node (CI builds with 20 and tests 22 and 24 too): the user's own cache, as before
      expect(tui.stderr()).toContain(`debug: code cache empty: ${join(dirs.codeDir, expectedName())}\n`);
      expect(cacheFiles(dirs)).toEqual([expectedName()]);
    }
  }, 60_000);

  it('a scripted run with the cache uses it and gets a token through the SDK (node:http loaded from cached code)', async () => {
    const { dirs, file, bytes } = await withCache();
    const run = scripted(dirs);
    expect(run.cacheLine, run.stderr).toBe(`used: ${file}`);
    expectToken(run);
    // a used cache is not rewritten
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(cacheFiles(dirs)).toEqual([basename(file)]);
  }, 60_000);

  it('the TUI with the cache uses it: list, token screen, clean quit; the cache is left as it was', async () => {
    const { dirs, file, bytes } = await withCache();
    const before = statSync(file).mtimeMs;
    const tui = startTui(dirs, '');
    const s = tui.session;
    const list = await s.waitFor(LIST);
    expect(list).toMatch(/analytics-prod\s+available/);
    await openProdToken(s);
    const token = s.screen();
    expect(token).toContain('analytics-prod');
    expect(token).toMatch(/Expires.*UTC/);
    expect(tui.stderr()).toContain(`debug: code cache used: ${file}\n`);
    // bounded negative check (see keepsHolding): a used cache is not saved again
    await keepsHolding(2_000, () => {
      expect(statSync(file).mtimeMs).toBe(before);
    });
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(cacheFiles(dirs)).toEqual([basename(file)]);
  }, 60_000);

  it('IDC_TUI_CODE_CACHE=off: the TUI writes no cache and the scripted run says so', async () => {
    const dirs = privateDirs();
    const tui = startTui(dirs, '', { IDC_TUI_CODE_CACHE: 'off' });
    await tui.session.waitFor(LIST);
    // bounded negative check (see keepsHolding): with the cache on a file would appear within it
    await keepsHolding(2_000, () => {
      expect(cacheFiles(dirs)).toEqual([]);
    });
    tui.session.send('q');
    expect(await tui.session.exitStatus()).toBe(0);
    expect(tui.stderr()).toContain('debug: code cache off\n');
    expect(existsSync(dirs.codeDir)).toBe(false);

    const run = scripted(dirs, { IDC_TUI_CODE_CACHE: 'off' });
    expect(run.cacheLine, run.stderr).toBe('off');
    expectToken(run);
    expect(existsSync(dirs.codeDir)).toBe(false);
  }, 60_000);

  it('IDC_TUI_CODE_CACHE=off ignores an existing cache', async () => {
    const { dirs, file, bytes } = await withCache();
    const run = scripted(dirs, { IDC_TUI_CODE_CACHE: 'OFF' });
    expect(run.cacheLine, run.stderr).toBe('off');
    expectToken(run);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 60_000);

  it('a corrupt cache is skipped without its header and refused by V8 with it, the run still succeeds, and the TUI replaces it with a valid one', async () => {
    const dirs = privateDirs();
    // the exact file the app would use, from its own report
    const first = scripted(dirs);
    expectToken(first);
    const empty = /^empty: (\/.+)$/.exec(first.cacheLine ?? '');
    expect(empty, first.stderr).not.toBeNull();
    const file = empty![1]!;
    expect(dirname(file)).toBe(dirs.codeDir);
    // a scripted run saves nothing
    expect(existsSync(dirs.codeDir)).toBe(false);

    mkdirSync(dirs.codeDir, { recursive: true, mode: 0o700 });
    // without the header that names this bundle, V8 never sees it
    writeFileSync(file, randomBytes(1024), { mode: 0o600 });
    const headerless = scripted(dirs);
    expect(headerless.cacheLine, headerless.stderr).toBe(`skipped (not an idc-tui code cache): ${file}`);
    expectToken(headerless);

    // with it, V8 is given the garbage and refuses it
    const garbage = codeCacheFile(bundleDigest(readFileSync(join(repoRoot, 'dist', 'idc-tui.cjs'))), randomBytes(1024));
    writeFileSync(file, garbage, { mode: 0o600 });
    const refused = scripted(dirs);
    expect(refused.cacheLine, refused.stderr).toBe(`refused by V8: ${file}`);
    expectToken(refused);
    expect(readFileSync(file).equals(garbage)).toBe(true);

    const tui = startTui(dirs, '');
    await tui.session.waitFor(LIST);
    await pollUntil(() => statSync(file).size, (size) => size > garbage.length, 'the refused cache to be replaced', 10_000);
    tui.session.send('q');
    expect(await tui.session.exitStatus()).toBe(0);
    expect(tui.stderr()).toContain(`debug: code cache refused by V8: ${file}\n`);
    expect(readFileSync(file).equals(garbage)).toBe(false);
    expect(mode(file)).toBe(0o600);
    expect(cacheFiles(dirs)).toEqual([basename(file)]);

    const used = scripted(dirs);
    expect(used.cacheLine, used.stderr).toBe(`used: ${file}`);
    expectToken(used);
  }, 60_000);
});

const missing = missingXTools();

describe.skipIf(missing !== undefined)(`the code cache and the system clipboard (Xvfb + xsel)${missing ? ` — skipped: ${missing}` : ''}`, () => {
  let x: XServer | undefined;
  beforeAll(async () => {
    x = await startXvfb();
  });
  afterAll(async () => {
    await x?.stop();
  });

  it('with the cache, c copies the token through xsel and it is the token v reveals', async () => {
    const display = x!.display;
    const { dirs, file } = await withCache();
    expect(xselRead(display)).toBe('');
    const tui = startTui(dirs, '--clipboard system', { DISPLAY: display });
    const s = tui.session;
    await s.waitFor(LIST);
    await openProdToken(s);
    expect(tui.stderr()).toContain(`debug: code cache used: ${file}\n`);

    s.send('c');
    const copied = await pollUntil(() => xselRead(display), (text) => text.length > 0, 'the token on the X clipboard', 10_000);
    expect(copied).toMatch(BASE64);
    await s.waitFor(/Copied.* to the clipboard/);

    s.send('v');
    const revealed = await s.waitFor(/v hides it/);
    const length = Number(/revealed below, (\d+) chars/.exec(revealed)?.[1]);
    expect(copied.length).toBe(length);
    expect(revealed.split('\n').join('')).toContain(copied);

    s.send('q');
    expect(await s.exitStatus()).toBe(0);
    expect(tui.stderr()).not.toMatch(/clipboard|ERR_|dynamic import/i);
  }, 60_000);
});
