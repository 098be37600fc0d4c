import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { openProdToken } from './demo-steps.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * The built idc-tui --demo in tmux: pastes as tmux sends them to an application that asked for
 * bracketed paste (`paste-buffer -p`), and Ctrl-Z / fg under an interactive bash.
 */
let session: TmuxSession | undefined;
let dir: string | undefined;

beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  dir = undefined;
});

function isolatedEnv(): Record<string, string> {
  dir = mkdtempSync(join(tmpdir(), 'idc-paste-'));
  return { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
}

/** Pastes `text` into the pane as tmux does for a paste key: bracketed when the application asked for it. */
function paste(s: TmuxSession, text: string): void {
  const file = join(dir ?? tmpdir(), 'paste.txt');
  writeFileSync(file, text);
  s.tmux(['load-buffer', '-b', 'test-paste', file]);
  s.tmux(['paste-buffer', '-p', '-d', '-b', 'test-paste', '-t', 'main']);
}

const alternateScreen = (s: TmuxSession) => s.tmux(['display', '-p', '-t', 'main', '#{alternate_on}']).trim() === '1';

describe('pasting into the running app (tmux paste-buffer -p)', () => {
  it('200 KB pasted into the filter is one edit, cut to 256 characters; Ctrl-C right after quits (exit 130)', async () => {
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo`, { columns: 100, rows: 30, cwd: repoRoot, env: isolatedEnv() });
    const s = session;
    await s.waitFor(/36 clusters/u);
    s.send('/');
    await s.waitFor('Enter keep');
    paste(s, `analytics ${'x'.repeat(200_000)}`);
    await s.waitFor('Pasted text cut to 256 characters', 30_000);
    s.send('C-c');
    // a bounded wait for the exit, not a timing: today's per-character handling takes minutes
    expect(await s.exitStatus(30_000)).toBe(130);
  }, 60_000);

  it('on the token screen a pasted "overview" is ignored with a notice: no reveal, no new token', async () => {
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo`, { columns: 120, rows: 36, cwd: repoRoot, env: isolatedEnv() });
    const s = session;
    await s.waitFor(/36 clusters/u);
    await openProdToken(s);
    paste(s, 'overview');
    const screen = await s.waitFor('Pasted text ignored');
    expect(screen).toContain('v reveals');
    expect(screen).not.toContain('Fresh token received');
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });
});

describe('Ctrl-Z and fg (interactive bash in tmux)', () => {
  it('Ctrl-Z gives the shell its normal screen back; fg brings the list back, and the keys work', async () => {
    // HISTFILE: bash writes its history into the temp HOME as tmux kills it, racing the clean-up.
    session = TmuxSession.start('exec bash --norc --noprofile -i', { columns: 100, rows: 30, cwd: repoRoot, env: { ...isolatedEnv(), HISTFILE: '/dev/null' } });
    const s = session;
    s.send(`node ${shellQuote(binPath)} --demo`, true);
    s.send('Enter');
    await s.waitFor(/36 clusters/u);
    expect(alternateScreen(s)).toBe(true);

    s.send('C-z');
    const stopped = await s.waitFor(/Stopped/u);
    expect(alternateScreen(s)).toBe(false);
    expect(s.tmux(['display', '-p', '-t', 'main', '#{cursor_flag}']).trim()).toBe('1');
    expect(stopped).not.toContain('CLUSTER');
    // the shell has a cooked terminal: what is typed now is the shell's
    s.send('stty -a | grep -o -- "-\\?icanon"', true);
    s.send('Enter');
    await s.waitFor(/^icanon$/mu);

    s.send('fg', true);
    s.send('Enter');
    await s.waitFor((screen) => screen.includes('36 clusters') && screen.includes('CLUSTER'));
    expect(alternateScreen(s)).toBe(true);
    s.send('j');
    s.send('Space');
    await s.waitFor(/1\/20/u);
    s.send('q');
    await s.waitFor((screen) => !screen.includes('CLUSTER'));
    expect(alternateScreen(s)).toBe(false);
    // fg's status is the job's: q exits 0
    s.send('echo "rc=$?"', true);
    s.send('Enter');
    await s.waitFor('rc=0');
  }, 60_000);
});
