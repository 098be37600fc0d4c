import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot, spawnEmulator, type SpawnedEmulator } from './built-binary.js';
import { openProdToken } from './demo-steps.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * The token never reaches disk, logs, the window title or --debug output. Full sessions with
 * --debug and private HOME / XDG / TMPDIR directories; afterwards everything written is searched
 * for the token (whole, and any 32-character piece of it).
 */
let root: string;
let session: TmuxSession | undefined;
let emulator: SpawnedEmulator | undefined;

beforeAll(() => {
  assertBuilt();
});
afterEach(async () => {
  session?.kill();
  session = undefined;
  await emulator?.stop();
  emulator = undefined;
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

function privateDirs() {
  root = mkdtempSync(join(tmpdir(), 'idc-secrets-'));
  const dirs = {
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_STATE_HOME: join(root, 'state'),
    XDG_DATA_HOME: join(root, 'data'),
    TMPDIR: join(root, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return dirs;
}

function baseEnv(dirs: Record<string, string>): Record<string, string> {
  return {
    ...dirs,
    AWS_CONFIG_FILE: join(dirs['HOME'] ?? root, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dirs['HOME'] ?? root, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/**
 * Where idc-tui may write: its settings under $XDG_CONFIG_HOME/idc-tui, and V8's compiled code of
 * the bundle (no session data) under $XDG_CACHE_HOME/idc-tui. Both are searched for the token too.
 */
function isAppFile(path: string, dirs: { XDG_CONFIG_HOME: string; XDG_CACHE_HOME: string }): boolean {
  if (path.startsWith(join(dirs.XDG_CONFIG_HOME, 'idc-tui') + '/')) return true;
  return dirname(path) === join(dirs.XDG_CACHE_HOME, 'idc-tui') && /^code-.*\.bin$/.test(basename(path));
}

/** Every regular file under dir, with its content. */
function filesUnder(dir: string): Array<{ path: string; content: string; mode: number }> {
  const out: Array<{ path: string; content: string; mode: number }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push({ path, content: readFileSync(path, 'latin1'), mode: statSync(path).mode & 0o777 });
  }
  return out;
}

/** The token and every 32-character piece of it (a line-wrapped or truncated leak still counts). */
function leaks(text: string, token: string): boolean {
  if (text.includes(token)) return true;
  for (let i = 0; i + 32 <= token.length; i += 16) if (text.includes(token.slice(i, i + 32))) return true;
  return false;
}

const BASE64_LINE = /^[A-Za-z0-9+/=]{20,}$/u;

/** The revealed token: the full-width lines under "Token  revealed below", joined. */
function revealedToken(screen: string): string {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => l.includes('revealed below'));
  const parts: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (BASE64_LINE.test(line.trim())) parts.push(line.trim());
    else if (parts.length > 0) break;
  }
  return parts.join('');
}

describe('secrets stay out of everything written', () => {
  it('TUI --demo --debug: reveal, copy, refresh, quit; the token is nowhere but the revealed screen', async () => {
    const dirs = privateDirs();
    const stderrFile = join(root, 'stderr.txt');
    const stdoutFile = join(root, 'stdout-after.txt');
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo --debug 2>${shellQuote(stderrFile)}; echo "after-exit"`, {
      columns: 120,
      rows: 40,
      cwd: repoRoot,
      env: baseEnv(dirs),
    });
    const s = session;
    await s.waitFor(/36 clusters/);
    await openProdToken(s);
    const masked = s.screen();
    const titleMasked = s.tmux(['display', '-p', '-t', 'main', '#{pane_title}']);
    s.send('v');
    const revealed = await s.waitFor('v hides it');
    const token = revealedToken(revealed);
    expect(token.length).toBeGreaterThan(500);
    const titleRevealed = s.tmux(['display', '-p', '-t', 'main', '#{pane_title}']);
    s.send('v');
    await s.waitFor('v reveals');
    s.send('c');
    await new Promise((r) => setTimeout(r, 500));
    const afterCopy = s.screen();
    s.send('r');
    await s.waitFor(/Fresh token|Remaining/);
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
    const afterExit = await s.waitFor('after-exit');
    const titleAfter = s.tmux(['display', '-p', '-t', 'main', '#{pane_title}']);
    const stderr = readFileSync(stderrFile, 'utf8');

    const written: Array<[string, string]> = [
      ['masked token screen', masked],
      ['screen after copy', afterCopy],
      ['screen after exit', afterExit],
      ['window title (masked)', titleMasked],
      ['window title (revealed)', titleRevealed],
      ['window title after exit', titleAfter],
      ['stderr', stderr],
      ...filesUnder(root)
        .filter((f) => f.path !== stderrFile && f.path !== stdoutFile)
        .map((f): [string, string] => [f.path, f.content]),
    ];
    for (const [where, text] of written) expect(leaks(text, token), `token found in ${where}`).toBe(false);
    // files the app wrote (remembered settings, compiled code, if any): private, and only in its own dirs
    const appFiles = filesUnder(root).filter((f) => f.path !== stderrFile && f.path !== stdoutFile);
    console.log(`secrets (TUI): files written ${appFiles.map((f) => f.path.slice(root.length)).join(', ') || 'none'}; stderr ${stderr.length} bytes`);
    for (const file of appFiles) {
      expect(file.mode, `${file.path} mode`).toBe(0o600);
      expect(isAppFile(file.path, dirs), `${file.path} is idc-tui's settings or code cache`).toBe(true);
      expect(statSync(join(file.path, '..')).mode & 0o777, `${file.path} directory mode`).toBe(0o700);
    }
    // the revealed screen is the one legitimate place
    expect(leaks(revealed, token)).toBe(true);
  });

  it('scripted --output json --debug: the token is on stdout and nowhere else', async () => {
    const dirs = privateDirs();
    emulator = await spawnEmulator([]);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AWS_') && !k.startsWith('XDG_')) env[k] = v;
    Object.assign(env, baseEnv(dirs), {
      AWS_ACCESS_KEY_ID: 'AKIDSECRETSTEST',
      AWS_SECRET_ACCESS_KEY: 'secrets-test-secret-key',
      AWS_SESSION_TOKEN: 'secrets-test-session-token',
      AWS_REGION: 'us-east-1',
    });
    const result = spawnSync(
      process.execPath,
      [binPath, '--cluster-ids', 'analytics-prod', '--output', 'json', '--debug', '--endpoint-url', emulator.url],
      { cwd: repoRoot, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const { Token: token } = JSON.parse(result.stdout) as { Token: string };
    expect(token.length).toBeGreaterThan(500);
    expect(result.stderr.length, 'debug output was written').toBeGreaterThan(0);
    expect(leaks(result.stderr, token), `token in --debug stderr:\n${result.stderr}`).toBe(false);
    // the credentials stay out of the debug log as well
    for (const secret of ['secrets-test-secret-key', 'secrets-test-session-token']) expect(result.stderr).not.toContain(secret);
    for (const file of filesUnder(root)) {
      expect(leaks(file.content, token), `token found in ${file.path}`).toBe(false);
      expect(file.mode, `${file.path} mode`).toBe(0o600);
      expect(isAppFile(file.path, dirs), `${file.path} is idc-tui's settings or code cache`).toBe(true);
    }
  });
});
