import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from '../e2e/built-binary.js';
import { TmuxSession, shellQuote } from '../e2e/tmux-session.js';

let session: TmuxSession | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
});

const BASE64ISH = /^[A-Za-z0-9+/=_-]{1000,2100}$/u;
/** No display and no SSH: what auto sees in a headless tmux. */
const HEADLESS = 'unset DISPLAY WAYLAND_DISPLAY SSH_TTY SSH_CONNECTION SSH_CLIENT;';

function start(args: string, setClipboard: string): TmuxSession {
  return TmuxSession.start(`${HEADLESS} node ${shellQuote(binPath)} --demo ${args}`, {
    columns: 120,
    rows: 50, // the revealed token (up to ~1.8 KB from the emulator) must fit whole on the screen
    cwd: repoRoot,
    serverOptions: [['set-clipboard', setClipboard]],
  });
}

function buffer(s: TmuxSession, name?: string): string {
  try {
    return s.tmux(['show-buffer', ...(name ? ['-b', name] : [])]);
  } catch {
    return '';
  }
}

async function bufferWhen(s: TmuxSession, test: (text: string) => boolean, name?: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = buffer(s, name);
  while (!test(last)) {
    if (Date.now() > deadline) throw new Error(`tmux buffer never matched; last: ${JSON.stringify(last.slice(0, 80))}. Screen:\n${s.screen()}`);
    await new Promise((r) => setTimeout(r, 50));
    last = buffer(s, name);
  }
  return last;
}

async function onTokenScreen(s: TmuxSession): Promise<void> {
  await s.waitFor(/36 clusters/);
  s.send('Enter');
  await s.waitFor(/Remaining\s+\d+:\d\d/);
}

/** The revealed token as the screen shows it, its full-width lines joined. */
const joinedScreen = (screen: string): string => screen.split('\n').join('');

describe('OSC 52 through a real tmux (no DISPLAY)', () => {
  it('--clipboard osc52 with set-clipboard on: c fills the tmux buffer with exactly the token v reveals', async () => {
    session = start('--clipboard osc52', 'on');
    await onTokenScreen(session);
    session.send('c');
    const notice = await session.waitFor(/Sent through tmux/);
    expect(notice).toContain('the terminal cannot confirm it');
    expect(notice).toContain('set-clipboard on');
    const copied = await bufferWhen(session, (text) => text.length > 0);
    expect(copied).toMatch(BASE64ISH);

    session.send('v');
    const revealed = await session.waitFor(/v hides it/);
    expect(joinedScreen(revealed)).toContain(copied);

    session.send('q');
    expect(await session.exitStatus()).toBe(0);
  });

  it('auto without a display picks OSC 52; C 4 copies the JSON the scripted mode prints', async () => {
    session = start('', 'on');
    await onTokenScreen(session);
    session.send('C');
    await session.waitFor(/Copy as…/);
    session.send('4');
    await session.waitFor(/Sent the JSON through tmux/);
    const json = await bufferWhen(session, (text) => text.startsWith('{'));
    const parsed = JSON.parse(json) as { Token: string; ExpirationTime: string };
    expect(Object.keys(parsed)).toEqual(['Token', 'ExpirationTime']);
    expect(parsed.Token).toMatch(BASE64ISH);
    expect(parsed.ExpirationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/u);
  });

  it('with tmux\'s default set-clipboard external it loads a tmux buffer instead, and removes it after --clipboard-clear-after', async () => {
    session = start('--clipboard-clear-after 2', 'external');
    await onTokenScreen(session);
    session.send('c');
    await session.waitFor(/load-buffer/);
    const copied = await bufferWhen(session, (text) => text.length > 0, 'idc-tui');
    expect(copied).toMatch(BASE64ISH);
    await session.waitFor(/tmux buffer cleared in 0:0\d/);
    await bufferWhen(session, (text) => text === '', 'idc-tui');
    await session.waitFor(/removed from tmux's paste buffers/);
  });

  it('the ? help names the way it copies', async () => {
    session = start('--clipboard osc52 --recopy', 'on');
    await session.waitFor(/36 clusters/);
    session.send('?');
    const help = await session.waitFor(/Clipboard:/);
    expect(help).toMatch(/Clipboard: OSC 52 through tmux \(--clipboard osc52; the terminal cannot confirm it\); cleared after 45 s/);
  });
});
