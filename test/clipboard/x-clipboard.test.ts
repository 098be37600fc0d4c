import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../src/clipboard/auto-clear.js';
import { chooseClipboard } from '../../src/clipboard/choose-clipboard.js';
import { systemClipboard } from '../../src/clipboard/system-clipboard.js';
import { missingXTools, pollUntil, startXvfb, xselRead, xselWrite, type XServer } from './x-display.js';

const missing = missingXTools();
const TOKEN = `eyJraWQiOiJ${'A'.repeat(900)}+/==${'b'.repeat(300)}Q0fA`;

describe.skipIf(missing !== undefined)(`the real X clipboard (Xvfb + xsel)${missing ? ` — skipped: ${missing}` : ''}`, () => {
  let x: XServer;
  const saved = { DISPLAY: process.env['DISPLAY'], WAYLAND_DISPLAY: process.env['WAYLAND_DISPLAY'] };

  beforeAll(async () => {
    x = await startXvfb();
    process.env['DISPLAY'] = x.display;
    delete process.env['WAYLAND_DISPLAY'];
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await x?.stop();
  });

  it('copies with xsel and reads back the same text with xsel -ob', async () => {
    const result = await systemClipboard().copy(TOKEN);
    expect(result).toMatchObject({ method: 'system', confirmed: true });
    expect(xselRead(x.display)).toBe(TOKEN);
  });

  it('auto (with a DISPLAY) uses the system clipboard', async () => {
    const clipboard = chooseClipboard('auto', { environment: { env: { DISPLAY: x.display }, platform: 'linux' }, writeTerminal: () => {
      throw new Error('OSC 52 must not be used with a display');
    } });
    expect((await clipboard.copy('via auto')).method).toBe('system');
    expect(xselRead(x.display)).toBe('via auto');
  });

  it('clears after the timeout when the clipboard still holds the copy', async () => {
    const guard = new ClipboardGuard(systemClipboard(), { clearAfterMs: 1000 });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    expect(xselRead(x.display)).toBe(TOKEN);
    expect(guard.getState().status.kind).toBe('armed');
    await pollUntil(() => xselRead(x.display), (text) => text === '', 'the clipboard to be emptied');
    await pollUntil(() => guard.getState().status.kind, (kind) => kind === 'cleared', 'the guard to report the clear');
  });

  it('leaves the clipboard alone when something else was copied in between', async () => {
    const guard = new ClipboardGuard(systemClipboard(), { clearAfterMs: 1000 });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    xselWrite(x.display, 'the user copied this since');
    await pollUntil(() => guard.getState().status.kind, (kind) => kind === 'left', 'the guard to leave the clipboard alone');
    expect(xselRead(x.display)).toBe('the user copied this since');
  });

  it('clears on exit (dispose) before the timer, and knows whether it still holds the token', async () => {
    const guard = new ClipboardGuard(systemClipboard(), { clearAfterMs: 60_000 });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    expect(await guard.holdsToken(TOKEN)).toBe(true);
    await guard.dispose(20_000);
    expect(xselRead(x.display)).toBe('');
    expect(guard.getState().status).toMatchObject({ kind: 'cleared', by: 'exit' });
    expect(await guard.holdsToken(TOKEN)).toBe(false);
  });

  it('with --clipboard-clear-after 0 nothing is cleared, not even on exit', async () => {
    const guard = new ClipboardGuard(systemClipboard(), { clearAfterMs: 0 });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    await guard.dispose();
    expect(xselRead(x.display)).toBe(TOKEN);
    expect(guard.getState().status).toMatchObject({ kind: 'kept', why: 'never' });
  });
});

describe('without a display server', () => {
  it('a failing clipboard program gives a reason and a hint to reveal the token, never a crash', async () => {
    const clipboard = systemClipboard(() => ({
      write: () => Promise.reject(new Error('Clipboard access requires a display server (X11 or Wayland). This doesn\'t work…')),
      read: () => Promise.reject(new Error('no display')),
    }));
    await expect(clipboard.copy('x')).rejects.toMatchObject({
      message: 'Could not copy to the clipboard: Clipboard access requires a display server (X11 or Wayland). This doesn\'t work…',
      hint: 'Press v to reveal the token and copy it by hand.',
    });
  });
});
