import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clipboard, ClearResult, CopyMethod, CopyResult } from '../../src/clipboard/clipboard.js';
import { chooseClipboard } from '../../src/clipboard/choose-clipboard.js';
import { sha256 } from '../../src/clipboard/fingerprint.js';
import { jdbcUrl, pythonSnippet, tokenJson } from '../../src/domain/copy-formats.js';
import type { AppProps } from '../../src/ui/app.js';
import { FakeApi, makeCluster, makeToken } from './fakes.js';
import { KEYS, renderApp, START } from './render-app.js';
import { waitForText, waitUntil } from './wait-for-frame.js';

afterEach(() => cleanup());

const HOUR = 3600_000;
const FIRST = `eyJ+first/${'x'.repeat(600)}==END1`;
const SECOND = `eyJ+second/${'y'.repeat(600)}==END2`;

/** A clipboard in memory that can be read back like the system one, or not, like OSC 52. */
class MemoryClipboard implements Clipboard {
  content = '';
  readonly copies: string[] = [];
  forced = 0;
  constructor(public method: CopyMethod = 'system') {}

  async copy(text: string): Promise<CopyResult> {
    this.content = text;
    this.copies.push(text);
    const system = this.method === 'system';
    return { method: this.method, confirmed: system, clearable: system };
  }
  async clearIfUnchanged(hash: string): Promise<ClearResult> {
    if (this.method !== 'system') return { kind: 'unverifiable' };
    if (sha256(this.content) !== hash) return { kind: 'changed' };
    this.content = '';
    return { kind: 'cleared' };
  }
  async holds(hash: string): Promise<boolean | undefined> {
    return this.method === 'system' ? sha256(this.content) === hash : undefined;
  }
  async forceClear(): Promise<void> {
    this.forced++;
    this.content = '';
  }
}

const CLUSTERS = [
  makeCluster('analytics-prod', { dbName: 'analytics' }),
  makeCluster('analytics-staging', { dbName: 'analytics' }),
  makeCluster('ml-sandbox', { status: 'creating', endpoint: undefined }),
];

function renderWith(clipboard: Clipboard, props: Partial<AppProps> = {}) {
  return renderApp({ api: new FakeApi([CLUSTERS]), clipboard, columns: 120, props });
}

/** Selects the given rows (0-based, in list order) and opens the token screen with FIRST. */
async function onTokenScreen(clipboard: Clipboard, rows: number[] = [0], props: Partial<AppProps> = {}) {
  const r = renderWith(clipboard, props);
  await waitForText(r.lastFrame, 'analytics-prod');
  let at = 0;
  for (const row of rows) {
    while (at < row) {
      r.stdin.write(KEYS.down);
      at++;
    }
    r.stdin.write(KEYS.space);
  }
  await waitForText(r.lastFrame, `${rows.length}/20`);
  r.stdin.write(KEYS.enter);
  await waitUntil(() => r.api.tokenCalls.length === 1, 'the token request');
  r.api.lastTokenCall().reply.resolve(makeToken(FIRST, new Date(r.clock.now() + HOUR)));
  await waitForText(r.lastFrame, 'Remaining');
  return r;
}

const target = (id: string) => ({ host: `${id}.abc123.us-east-1.redshift.amazonaws.com`, port: 5439, database: 'analytics' });

describe('copy as… (C)', () => {
  it('offers the four formats, masked, and Esc closes the menu', async () => {
    const r = await onTokenScreen(new MemoryClipboard());
    r.stdin.write('C');
    const frame = await waitForText(r.lastFrame, 'Copy as…');
    expect(frame).toMatch(/› 1 Token/u);
    expect(frame).toContain('2 JDBC URL');
    expect(frame).toContain('3 Python (redshift_connector)');
    expect(frame).toContain('4 JSON (as --output json)');
    expect(frame).toContain('jdbc:redshift://analytics-prod.abc123.us-east-1.redshift.amazonaws.com:5439/');
    expect(frame).toContain('↑↓ choose');
    expect(r.frames.join('\n')).not.toContain('x'.repeat(600));
    r.stdin.write(KEYS.escape);
    await waitForText(r.lastFrame, 'c copy  C copy as');
    expect(r.lastFrame()).not.toContain('Copy as…');
  });

  it('↓ Enter copies the JDBC URL of the cluster, 3 the Python snippet, 4 the JSON', async () => {
    const clipboard = new MemoryClipboard();
    const r = await onTokenScreen(clipboard);
    r.stdin.write('C');
    await waitForText(r.lastFrame, 'Copy as…');
    r.stdin.write(KEYS.down);
    await waitForText(r.lastFrame, '› 2 JDBC URL');
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, 'Copied the JDBC URL for analytics-prod to the clipboard.');
    expect(clipboard.copies).toEqual([jdbcUrl(target('analytics-prod'), FIRST)]);

    r.stdin.write('C');
    await waitForText(r.lastFrame, 'Copy as…');
    r.stdin.write('3');
    await waitForText(r.lastFrame, 'Copied the Python (redshift_connector) for analytics-prod');
    expect(clipboard.copies[1]).toBe(pythonSnippet(target('analytics-prod'), FIRST));

    r.stdin.write('C');
    await waitForText(r.lastFrame, 'Copy as…');
    r.stdin.write('4');
    await waitForText(r.lastFrame, 'Copied the JSON to the clipboard.');
    expect(clipboard.copies[2]).toBe(tokenJson(makeToken(FIRST, new Date(START + HOUR))));
  });

  it('→ picks another of the token\'s clusters; one without an endpoint says why there is no URL', async () => {
    const clipboard = new MemoryClipboard();
    const r = await onTokenScreen(clipboard, [0, 2]);
    r.stdin.write('C');
    await waitForText(r.lastFrame, 'for ml-sandbox (2/2, ←→ another)');
    expect(r.lastFrame()).toContain('unavailable: ml-sandbox has no endpoint yet (status creating)');
    r.stdin.write('2');
    await waitForText(r.lastFrame, 'No JDBC URL: ml-sandbox has no endpoint yet (status creating).');
    expect(clipboard.copies).toEqual([]);
    r.stdin.write('C');
    await waitForText(r.lastFrame, 'Copy as…');
    r.stdin.write('\u001B[C');
    await waitForText(r.lastFrame, 'for analytics-prod (1/2');
    r.stdin.write('2');
    await waitForText(r.lastFrame, 'Copied the JDBC URL for analytics-prod');
    expect(clipboard.copies).toEqual([jdbcUrl(target('analytics-prod'), FIRST)]);
  });
});

describe('forgetting the token', () => {
  it('shows the clear countdown ticking with the clock and clears a clipboard that still holds the copy', async () => {
    const clipboard = new MemoryClipboard();
    const r = await onTokenScreen(clipboard, [0], { clipboardClearAfterMs: 45_000 });
    expect(r.lastFrame()).toContain('Clipboard  c copies · cleared 45 s later if it still holds the copy');
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'cleared in 0:45');
    r.clock.advance(1000);
    await waitForText(r.lastFrame, 'cleared in 0:44');
    r.clock.advance(30_000);
    await waitForText(r.lastFrame, 'cleared in 0:14');
    expect(clipboard.content).toBe(FIRST);
    r.clock.advance(14_000);
    await waitForText(r.lastFrame, 'cleared: it still held the copy');
    expect(clipboard.content).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const clipboard = new MemoryClipboard();
    const r = await onTokenScreen(clipboard, [0], { clipboardClearAfterMs: 10_000 });
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'cleared in 0:10');
    clipboard.content = 'something the user copied';
    r.clock.advance(10_000);
    await waitForText(r.lastFrame, 'left alone: it holds something else now');
    expect(clipboard.content).toBe('something the user copied');
  });

  it('OSC 52: says it is never cleared automatically, and x sends an empty one on request', async () => {
    const clipboard = new MemoryClipboard('osc52');
    const r = await onTokenScreen(clipboard);
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'Sent to the terminal via OSC 52 (the terminal cannot confirm it).');
    await waitForText(r.lastFrame, 'OSC 52 cannot be read back, so it is not cleared automatically');
    r.clock.advance(60_000);
    expect(clipboard.forced).toBe(0);
    r.stdin.write('x');
    await waitUntil(() => clipboard.forced === 1, 'the empty OSC 52');
    await waitForText(r.lastFrame, 'Clipboard  cleared');
  });

  it('--clipboard-clear-after 0 keeps it and says so', async () => {
    const r = await onTokenScreen(new MemoryClipboard(), [0], { clipboardClearAfterMs: 0 });
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'not cleared automatically (--clipboard-clear-after 0)');
  });
});

describe('a refresh while the clipboard holds the old token', () => {
  async function refreshed(clipboard: MemoryClipboard, props: Partial<AppProps> = {}) {
    const r = await onTokenScreen(clipboard, [0], props);
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'Copied to the clipboard.');
    r.stdin.write('r');
    await waitUntil(() => r.api.tokenCalls.length === 2, 'the refresh');
    r.api.lastTokenCall().reply.resolve(makeToken(SECOND, new Date(r.clock.now() + HOUR)));
    return r;
  }

  it('offers to copy the new one', async () => {
    const clipboard = new MemoryClipboard();
    const r = await refreshed(clipboard);
    await waitForText(r.lastFrame, 'The clipboard still holds the old token: press c to copy the new one.');
    expect(clipboard.copies).toEqual([FIRST]);
    r.stdin.write('c');
    await waitUntil(() => clipboard.copies.length === 2, 'the second copy');
    expect(clipboard.content).toBe(SECOND);
  });

  it('says nothing when the user copied something else since', async () => {
    const clipboard = new MemoryClipboard();
    const r = await onTokenScreen(clipboard);
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'Copied to the clipboard.');
    clipboard.content = 'mine';
    r.stdin.write('r');
    await waitUntil(() => r.api.tokenCalls.length === 2, 'the refresh');
    r.api.lastTokenCall().reply.resolve(makeToken(SECOND, new Date(r.clock.now() + HOUR)));
    await waitForText(r.lastFrame, 'Fresh token received.');
    expect(r.lastFrame()).not.toContain('old token');
    expect(clipboard.content).toBe('mine');
  });

  it('with --recopy copies the new token by itself', async () => {
    const clipboard = new MemoryClipboard();
    const r = await refreshed(clipboard, { recopy: true });
    await waitForText(r.lastFrame, 'copied it in place of the old one (--recopy)');
    expect(clipboard.copies).toEqual([FIRST, SECOND]);
    expect(clipboard.content).toBe(SECOND);
  });
});

describe('when copying cannot work', () => {
  it('--clipboard off: says so and suggests v, never a crash', async () => {
    const r = await onTokenScreen(chooseClipboard('off'));
    expect(r.lastFrame()).toContain('Clipboard  off (--clipboard off) · v reveals the token');
    expect(r.lastFrame()).not.toContain('c copies');
    r.stdin.write('c');
    const frame = await waitForText(r.lastFrame, 'Copying is off (--clipboard off).');
    expect(frame).toContain('Press v to reveal the token and copy it by hand.');
    r.stdin.write('v');
    await waitForText(r.lastFrame, 'v hides it');
  });

  it('no display and no terminal for OSC 52: the system error, with v suggested', async () => {
    const failing: Clipboard = {
      copy: () => Promise.reject(new Error('unused')),
    };
    const clipboard = chooseClipboard('auto', {
      environment: { env: {}, platform: 'linux' },
      system: failing,
      writeTerminal: () => {
        throw new Error('ENXIO: no such device or address, open \'/dev/tty\'');
      },
    });
    const r = await onTokenScreen(clipboard);
    r.stdin.write('c');
    const frame = await waitForText(r.lastFrame, 'Could not send OSC 52 to the terminal: ENXIO');
    expect(frame).toContain('Press v to reveal the token and copy it by hand.');
  });

  it('the ? help names the clipboard in use', async () => {
    // tall enough for every section of the help, the copy-as menu's included
    const r = renderWith(new MemoryClipboard(), { clipboardDescription: 'auto: OSC 52 to the terminal (no DISPLAY or WAYLAND_DISPLAY)', rows: 34 });
    await waitForText(r.lastFrame, 'analytics-prod');
    r.stdin.write('?');
    await waitForText(r.lastFrame, 'Clipboard: auto: OSC 52 to the terminal (no DISPLAY or WAYLAND_DISPLAY)');
    expect(r.lastFrame()).toContain('Copy as… (after C)');
  });
});
