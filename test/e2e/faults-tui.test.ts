import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot, spawnEmulator, type SpawnedEmulator } from './built-binary.js';
import { highlightProd } from './demo-steps.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/** The built TUI against `idc-tui emulator --fault …`, with real keys, in tmux. */
let session: TmuxSession | undefined;
let emulator: SpawnedEmulator | undefined;

beforeAll(() => assertBuilt());
afterEach(async () => {
  session?.kill();
  session = undefined;
  await emulator?.stop();
  emulator = undefined;
});

/** A private HOME and XDG dirs per run: nothing remembered from other runs (last selection…) leaks in. */
function privateHome(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'idc-faults-home-'));
  homes.push(home);
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.state') };
}
const homes: string[] = [];
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

const env = (extra: Record<string, string> = {}) => ({
  ...privateHome(),
  AWS_ACCESS_KEY_ID: 'AKIDFAULTSTEST',
  AWS_SECRET_ACCESS_KEY: 'faults-test-secret',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  ...extra,
});

async function startTui(faults: string[], extraEnv: Record<string, string> = {}, size = { columns: 120, rows: 30 }, args = '') {
  emulator = await spawnEmulator(faults.flatMap((f) => ['--fault', f]));
  session = TmuxSession.start(`node ${shellQuote(binPath)} --endpoint-url ${shellQuote(emulator.url)} ${args}`, {
    ...size,
    cwd: repoRoot,
    // STS follows its own endpoint settings, not --endpoint-url: the emulator answers it too.
    env: env({ AWS_ENDPOINT_URL_STS: emulator.url, ...extraEnv }),
  });
  return session;
}

function withinWidth(screen: string, columns: number): void {
  for (const line of screen.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
  // not garbled: one header, one footer
  expect(screen.split('\n').filter((l) => l.startsWith('idc-tui')).length, screen).toBe(1);
}

describe('faults in a real terminal', () => {
  it('listing denied: the app says so, opens the ID field; typed IDs get the token; Ctrl-R retries the listing', async () => {
    const s = await startTui(['denied']);
    let screen = await s.waitFor('Listing clusters is denied');
    expect(screen).toMatch(/Could not list clusters/u);
    s.send('analytics-prod, finance', true);
    await s.waitFor('2 IDs: analytics-prod, finance');
    s.tmux(['send-keys', '-t', 'main', '-l', '--', '-dw']);
    await s.waitFor('2 IDs: analytics-prod, finance-dw');
    s.send('Enter');
    screen = await s.waitFor(/Remaining\s+\d+:\d\d/);
    expect(screen).toContain('analytics-prod, finance-dw');
    s.send('Escape');
    await s.waitFor('Could not list clusters');
    s.send('i');
    await s.waitFor('2 IDs: analytics-prod, finance-dw');
    s.send('C-r');
    // denied is still in force, so the listing is refused again and the field stays
    await s.waitFor('Listing clusters is denied');
    s.send('C-c');
    expect(await s.exitStatus()).toBe(130);
  });

  it('q while the server has not answered (listing and identity both waiting) exits at once, not at the timeout', async () => {
    const s = await startTui(['slow:60000']);
    await s.waitFor(/loading… 0 clusters/u);
    s.send('q');
    // the SDK would wait 60 s for these answers: the process must end with the screen
    expect(await s.exitStatus(5_000)).toBe(0);
  });

  it('a paste with line breaks into the ID field (tmux paste-buffer) separates IDs and does not submit', async () => {
    const s = await startTui(['denied']);
    await s.waitFor('Listing clusters is denied');
    s.tmux(['set-buffer', '-b', 'ids', 'analytics-prod\nfinance-dw\nanalytics-staging\n']);
    s.tmux(['paste-buffer', '-b', 'ids', '-t', 'main']);
    const screen = await s.waitFor('3 IDs: analytics-prod, finance-dw, analytics-staging');
    expect(screen).not.toMatch(/Remaining/u);
    s.send('Enter');
    await s.waitFor(/Remaining\s+\d+:\d\d/);
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });

  it('throttled and slow: "retrying… (attempt N of 3: Throttling…)" while the SDK retries, then the error; Ctrl-R retries', async () => {
    const s = await startTui(['slow:700', 'throttle'], { AWS_MAX_ATTEMPTS: '3' });
    await s.waitFor(/retrying… \(attempt 2 of 3: Throttling \(HTTP 400\)\)/u);
    await s.waitFor(/retrying… \(attempt 3 of 3: Throttling/u);
    await s.waitFor(/Could not list clusters: .*thrott/iu);
    s.send('C-r');
    await s.waitFor(/retrying… \(attempt 2 of 3: Throttling/u);
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });

  it('a token already expired on arrival is reported, not counted down', async () => {
    const s = await startTui(['past-expiry']);
    await s.waitFor(/36 clusters/);
    await highlightProd(s);
    s.send('Enter');
    const screen = await s.waitFor('already expired when it arrived');
    expect(screen).toContain('EXPIRED');
    expect(screen).not.toMatch(/\d:\d\d left/u);
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });

  it("server clock 2 h ahead: the SDK's clock-skew correction keeps the countdown right and the app says so", async () => {
    const s = await startTui(['skew:7200']);
    await s.waitFor(/36 clusters/);
    await highlightProd(s);
    s.send('Enter');
    const screen = await s.waitFor(/Remaining\s+\d+:\d\d/);
    expect(screen).toMatch(/Remaining\s+(59:\d\d|1:00:00) left/u);
    expect(screen).toContain("The server clock is 2 h ahead of this computer's; the countdown is corrected");
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });

  it('resizing down to 40×10 and back on every screen never crashes or garbles the frame', async () => {
    const s = await startTui([], {}, { columns: 120, rows: 30 });
    await s.waitFor(/36 clusters/);
    await highlightProd(s);
    const resize = async (columns: number, rows: number, wait: RegExp | string) => {
      s.tmux(['resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows)]);
      await new Promise((r) => setTimeout(r, 250));
      const screen = await s.waitFor(wait);
      withinWidth(screen, columns);
      return screen;
    };
    s.send('Space');
    await s.waitFor('1/20');
    await resize(40, 10, '1/20');
    await resize(60, 15, '1/20');
    await resize(40, 10, '1/20');
    s.send('i');
    await resize(40, 10, 'ID');
    await resize(100, 24, '1 ID: analytics-prod');
    s.send('Escape');
    s.send('Enter');
    await s.waitFor(/Remaining/);
    await resize(40, 10, /Remaining/);
    s.send('v');
    await resize(40, 10, 'more lines');
    await resize(120, 30, 'v hides it');
    s.send('Escape');
    const back = await resize(40, 10, '1/20');
    expect(back).toContain('● analytics-prod'.slice(0, 12));
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });
});

describe('timeouts in the TUI', () => {
  it('--cli-read-timeout ends a hung listing with a message; the app keeps running', async () => {
    const s = await startTui(['slow:8000'], { AWS_MAX_ATTEMPTS: '1' }, { columns: 120, rows: 30 }, '--cli-read-timeout 1');
    const screen = await s.waitFor(/Could not list clusters: .*(time|answer)/iu, 10_000);
    expect(screen).not.toMatch(/^\s+at /mu);
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });
});
