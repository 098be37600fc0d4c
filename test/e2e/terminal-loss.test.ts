import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missingXTools, pollUntil, startXvfb, xselRead, type XServer } from '../clipboard/x-display.js';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * The terminal goes away under idc-tui while the token is on the clipboard: `tmux kill-session`
 * (SIGHUP from the shell, then EIO on the terminal; or EIO alone), and SIGKILL. The clipboard must
 * be cleared and the process must end with a code, never a crash (SIGSEGV in Node's ResetStdio).
 * A small wrapper script that ignores SIGHUP records idc-tui's exit status in a file.
 */
let dir: string;
let session: TmuxSession | undefined;
const missingX = missingXTools();
const HEADLESS = 'unset DISPLAY WAYLAND_DISPLAY SSH_TTY SSH_CONNECTION SSH_CLIENT';
const BASE64 = /^[A-Za-z0-9+/=]{100,}$/u;
/** What a real AWS session would have in the environment: none of it may reach a child process. */
const SECRET = 'aws-secret-in-terminal-loss-test';

beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

function privateDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'idc-loss-'));
  return dir;
}

/** A script that runs idc-tui --demo ARGS and writes its exit status (and pid) beside it. */
function wrapper(args: string, env: string): { script: string; status: string; stderr: string; pid: string } {
  const files = { script: join(dir, 'wrapper.sh'), status: join(dir, 'status'), stderr: join(dir, 'stderr'), pid: join(dir, 'pid') };
  const home = join(dir, 'home');
  // xsel logs to ~/.cache/xsel.log and fails when it cannot
  mkdirSync(join(home, '.cache'), { recursive: true });
  writeFileSync(
    files.script,
    [
      "trap '' HUP",
      env,
      `export HOME=${shellQuote(home)} XDG_CONFIG_HOME=${shellQuote(join(home, '.config'))} XDG_CACHE_HOME=${shellQuote(join(home, '.cache'))}`,
      `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
      `cd ${shellQuote(repoRoot)}`,
      `sh -c ${shellQuote(`echo $$ > ${shellQuote(files.pid)}; exec node ${shellQuote(binPath)} --demo ${args}`)} 2>${shellQuote(files.stderr)}`,
      `echo $? > ${shellQuote(files.status)}`,
    ].join('\n'),
  );
  return files;
}

async function fileWhen(path: string, timeoutMs = 20_000): Promise<string> {
  return pollUntil(
    () => {
      try {
        return readFileSync(path, 'utf8').trim();
      } catch {
        return '';
      }
    },
    (text) => text.length > 0,
    path,
    timeoutMs,
  );
}

function expectCleanEnd(stderr: string): void {
  expect(stderr).not.toMatch(/Assertion failed|ResetStdio|Segmentation|unexpected error|EIO/u);
}

async function onTokenScreen(s: TmuxSession): Promise<void> {
  await s.waitFor(/36 clusters/u);
  s.send('Enter');
  await s.waitFor(/Remaining\s+\d+:\d\d/u);
}

/** The token in any of the tmux server's paste buffers. */
function tmuxBuffers(s: TmuxSession): string[] {
  const names = s.tmux(['list-buffers', '-F', '#{buffer_name}']).split('\n').filter(Boolean);
  return names.flatMap((name) => {
    try {
      return [s.tmux(['show-buffer', '-b', name])];
    } catch {
      return []; // deleted since it was listed
    }
  });
}

describe.skipIf(missingX !== undefined)(`the X clipboard when the terminal goes away (Xvfb + xsel)${missingX ? ` — skipped: ${missingX}` : ''}`, () => {
  let x: XServer;
  beforeAll(async () => {
    x = await startXvfb();
  });
  afterAll(async () => {
    await x?.stop();
  });

  it('tmux kill-session under an interactive shell (SIGHUP, then EIO): the clipboard is cleared, exit 129, no crash', async () => {
    privateDir();
    const run = wrapper('', `${HEADLESS}; export DISPLAY=${x.display}`);
    session = TmuxSession.start('exec bash --norc --noprofile -i', { columns: 120, rows: 36, cwd: repoRoot });
    const s = session;
    s.send(`sh ${run.script}`, true);
    s.send('Enter');
    await onTokenScreen(s);
    s.send('c');
    await s.waitFor(/Copied to the clipboard/u);
    expect(xselRead(x.display)).toMatch(BASE64);
    s.killSession();
    await pollUntil(() => xselRead(x.display), (text) => text === '', 'the X clipboard to be cleared', 15_000);
    expect(await fileWhen(run.status)).toBe('129');
    expectCleanEnd(readFileSync(run.stderr, 'utf8'));
  });

  it('SIGKILL: the detached clearer empties the clipboard at the deadline; it never saw the token or an AWS variable', async () => {
    privateDir();
    const run = wrapper('--clipboard-clear-after 3', `${HEADLESS}; export DISPLAY=${x.display}`);
    session = TmuxSession.start(`sh ${shellQuote(run.script)}`, { columns: 120, rows: 36, cwd: repoRoot });
    const s = session;
    await onTokenScreen(s);
    s.send('c');
    await s.waitFor(/Copied to the clipboard/u);
    const token = xselRead(x.display);
    expect(token).toMatch(BASE64);
    const clearers = clearerProcesses(x.display);
    expect(clearers).toHaveLength(1);
    for (const { cmdline, environ } of clearers) {
      expect(cmdline).toMatch(/clipboard-clearer\.cjs$/u);
      expect(`${cmdline}\n${environ}`).not.toContain(token.slice(0, 40));
      expect(environ).not.toMatch(/^AWS_/mu);
      expect(environ).not.toContain(SECRET);
    }
    process.kill(Number(await fileWhen(run.pid)), 'SIGKILL');
    expect(await fileWhen(run.status)).toBe('137');
    // still there, held by xsel, until the clearer's deadline
    await pollUntil(() => xselRead(x.display), (text) => text === '', 'the detached clearer to empty the clipboard', 20_000);
    await pollUntil(() => clearerProcesses(x.display).length, (n) => n === 0, 'the clearer to exit', 10_000);
  });
});

/** Running clipboard clearers that work on this X display, with what the kernel shows of them. */
function clearerProcesses(display: string): Array<{ pid: number; cmdline: string; environ: string }> {
  const found: Array<{ pid: number; cmdline: string; environ: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (!cmdline.includes('clipboard-clearer')) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').join('\n');
      if (environ.split('\n').includes(`DISPLAY=${display}`)) found.push({ pid: Number(entry), cmdline, environ });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('the tmux paste buffer when the terminal goes away', () => {
  it('tmux kill-session (EIO alone: the shell ignores SIGHUP): the buffer holding the token is deleted, exit 129, no crash', async () => {
    privateDir();
    const run = wrapper('--clipboard osc52', HEADLESS);
    session = TmuxSession.start(`sh ${shellQuote(run.script)}`, { columns: 120, rows: 36, cwd: repoRoot, serverOptions: [['set-clipboard', 'on']], keepServer: true });
    const s = session;
    await onTokenScreen(s);
    s.send('c');
    await s.waitFor(/Sent through tmux/u);
    const copied = await pollUntil(() => tmuxBuffers(s).find((b) => BASE64.test(b)) ?? '', (b) => b.length > 0, 'the token in a tmux buffer');
    s.killSession();
    expect(await fileWhen(run.status)).toBe('129');
    expect(tmuxBuffers(s)).not.toContain(copied);
    expectCleanEnd(readFileSync(run.stderr, 'utf8'));
  });

  it('SIGKILL: the detached clearer deletes the tmux buffer holding the token at the deadline', async () => {
    privateDir();
    const run = wrapper('--clipboard osc52 --clipboard-clear-after 3', HEADLESS);
    session = TmuxSession.start(`sh ${shellQuote(run.script)}`, { columns: 120, rows: 36, cwd: repoRoot, serverOptions: [['set-clipboard', 'on']], keepServer: true });
    const s = session;
    await onTokenScreen(s);
    s.send('c');
    await s.waitFor(/Sent through tmux/u);
    const copied = await pollUntil(() => tmuxBuffers(s).find((b) => BASE64.test(b)) ?? '', (b) => b.length > 0, 'the token in a tmux buffer');
    process.kill(Number(await fileWhen(run.pid)), 'SIGKILL');
    expect(await fileWhen(run.status)).toBe('137');
    await pollUntil(() => tmuxBuffers(s).includes(copied), (held) => !held, 'the detached clearer to delete the buffer', 20_000);
  });
});
