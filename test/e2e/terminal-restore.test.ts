import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { openProdToken } from './demo-steps.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * The built idc-tui --demo in a real terminal; after each way out, the same pane runs `stty -a`
 * and prints the exit code, so the test sees what the user's shell would get back.
 */
let session: TmuxSession | undefined;
let dir: string;
const timings: string[] = [];

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'idc-restore-'));
});
afterEach(() => {
  session?.kill();
  session = undefined;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  // figures, not assertions: how long from the key or signal until the shell had the terminal back
  if (timings.length > 0) console.log(`terminal restore timings:\n  ${timings.join('\n  ')}`);
});

let run = 0;

function start(env: Record<string, string> = {}) {
  const id = run++;
  const pidFile = join(dir, `pid-${id}`);
  const stderrFile = join(dir, `stderr-${id}`);
  const inner = `echo $$ > ${shellQuote(pidFile)}; exec node ${shellQuote(binPath)} --demo`;
  const command = [
    `sh -c ${shellQuote(inner)} 2>${shellQuote(stderrFile)}`,
    'rc=$?',
    'echo "rc=$rc"',
    `echo "tty: $(stty -a | tr -s ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' ')"`,
    '(exit $rc)',
  ].join('; ');
  // a private HOME and XDG dirs: nothing remembered from other runs changes the screens
  const home = join(dir, `home-${id}`);
  const isolated = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.state') };
  session = TmuxSession.start(command, { columns: 100, rows: 24, cwd: repoRoot, env: { ...isolated, ...env } });
  return {
    session,
    pid: async () => {
      for (let i = 0; i < 200; i++) {
        try {
          const text = readFileSync(pidFile, 'utf8').trim();
          if (text) return Number(text);
        } catch {
          // not yet
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('no pid');
    },
    stderr: () => readFileSync(stderrFile, 'utf8'),
  };
}

/** Polls every 5 ms: the time from the action until the main screen is back, and until the shell has printed after the app. */
async function timeUntilShell(s: TmuxSession, action: () => void): Promise<string> {
  const started = performance.now();
  let restored: number | undefined;
  action();
  for (;;) {
    if (restored === undefined && s.tmux(['display', '-p', '-t', 'main', '#{alternate_on}']).trim() === '0') restored = performance.now() - started;
    if (s.screen().includes('tty:')) {
      const exited = performance.now() - started;
      return `main screen back ${(restored ?? exited).toFixed(0)} ms, shell prompt ${exited.toFixed(0)} ms`;
    }
    if (performance.now() - started > 15_000) throw new Error(`the app did not exit:\n${s.screen()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function expectRestored(screen: string, code: number): void {
  expect(screen).toContain(`rc=${code}`);
  // raw mode off: canonical input, echo and signals back on
  expect(screen).toMatch(/tty: .*\bicanon\b/u);
  expect(screen).toMatch(/tty: .*\becho\b/u);
  expect(screen).toMatch(/tty: .*\bisig\b/u);
  expect(screen).not.toMatch(/-icanon|-echo\b|-isig/u);
  // main screen back: the shell's output, nothing of the TUI
  expect(screen).not.toContain('CLUSTER');
  expect(screen).not.toContain('clusters');
  expect(screen).not.toContain('q quit');
}

async function cursorVisible(s: TmuxSession): Promise<boolean> {
  return s.tmux(['display', '-p', '-t', 'main', '#{cursor_flag}']).trim() === '1';
}

async function alternateScreen(s: TmuxSession): Promise<boolean> {
  return s.tmux(['display', '-p', '-t', 'main', '#{alternate_on}']).trim() === '1';
}

describe('the terminal is restored on every way out (built binary in tmux)', () => {
  it('q: exit 0', async () => {
    const { session: s } = start();
    await s.waitFor(/36 clusters/);
    expect(await alternateScreen(s)).toBe(true);
    const ms = await timeUntilShell(s, () => s.send('q'));
    timings.push(`q        ${ms}`);
    expectRestored(await s.waitFor('[exited]'), 0);
    expect(await s.exitStatus()).toBe(0);
    expect(await alternateScreen(s)).toBe(false);
    expect(await cursorVisible(s)).toBe(true);
  });

  it('Ctrl-C: exit 130, even on the token screen', async () => {
    const { session: s } = start();
    await s.waitFor(/36 clusters/);
    await openProdToken(s);
    const ms = await timeUntilShell(s, () => s.send('C-c'));
    timings.push(`Ctrl-C   ${ms}`);
    expectRestored(await s.waitFor('[exited]'), 130);
    expect(await s.exitStatus()).toBe(130);
    expect(await alternateScreen(s)).toBe(false);
    expect(await cursorVisible(s)).toBe(true);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s: exit %i', async (signal, code) => {
    const app = start();
    const s = app.session;
    await s.waitFor(/36 clusters/);
    s.send('i');
    await s.waitFor('Type or paste cluster IDs');
    const pid = await app.pid();
    const ms = await timeUntilShell(s, () => process.kill(pid, signal));
    timings.push(`${signal.padEnd(8)} ${ms}`);
    expectRestored(await s.waitFor('[exited]'), code);
    expect(await s.exitStatus()).toBe(code);
    expect(await alternateScreen(s)).toBe(false);
    expect(await cursorVisible(s)).toBe(true);
    expect(app.stderr()).not.toMatch(/^\s+at /mu);
  });

  it('an uncaught exception inside the running app (test hook): exit 255, one line on stderr, no stack', async () => {
    const app = start({ IDC_TUI_TEST_CRASH_AFTER_MS: '1500' });
    const s = app.session;
    await s.waitFor(/36 clusters/);
    s.send('/');
    s.send('prod', true);
    await s.waitFor('/ prod');
    const screen = await s.waitFor('[exited]');
    expectRestored(screen, 255);
    expect(await s.exitStatus()).toBe(255);
    expect(await alternateScreen(s)).toBe(false);
    expect(await cursorVisible(s)).toBe(true);
    const stderr = app.stderr();
    expect(stderr).toContain('idc-tui: unexpected error: test crash requested by IDC_TUI_TEST_CRASH_AFTER_MS');
    expect(stderr).not.toMatch(/^\s+at /mu);
  });
});
