import chalk from 'chalk';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeApi, makeClusters, makeToken } from './fakes.js';
import { KEYS, renderApp } from './render-app.js';
import { waitForText } from './wait-for-frame.js';

// Under vitest stdout is no terminal, so chalk may be at level 0 and print no SGR codes at all.
// Ink shares this chalk instance; level 1 makes both colours and styles show in the frames.
const previousLevel = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = previousLevel;
});
afterEach(() => cleanup());

const GREEN = '\u001B[32m';
const INVERSE = '\u001B[7m';

/** Every SGR parameter in the frame that sets a foreground or background colour (or resets one). */
function colourCodes(frame: string): string[] {
  const found: string[] = [];
  for (const match of frame.matchAll(/\u001B\[([0-9;]*)m/gu)) {
    const params = (match[1] ?? '').split(';');
    for (let i = 0; i < params.length; i++) {
      const n = Number(params[i]);
      if (n === 38 || n === 48) {
        found.push(match[0]);
        break;
      }
      if ((n >= 30 && n <= 37) || n === 39 || (n >= 40 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107)) {
        found.push(match[0]);
        break;
      }
    }
  }
  return found;
}

const raw = (r: { lastFrame: () => string | undefined }): string => r.lastFrame() ?? '';

describe('the colour choice (App color prop)', () => {
  it('is on by default: the cluster list has the green of available', async () => {
    const r = renderApp({ api: new FakeApi([makeClusters(3)]) });
    await waitForText(r.lastFrame, 'cluster-03');
    const frame = raw(r);
    expect(frame).toContain(GREEN);
    expect(frame).toContain(INVERSE);
  });

  it('off: the cluster list has no colour codes, the cursor row keeps its inverse', async () => {
    const r = renderApp({ api: new FakeApi([makeClusters(3)]), color: false });
    await waitForText(r.lastFrame, 'cluster-03');
    const frame = raw(r);
    expect(frame).toContain('available');
    expect(colourCodes(frame)).toEqual([]);
    expect(frame).toContain(INVERSE);
    // Other styles stay too: a selected row's id is bold.
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    const selected = raw(r);
    expect(colourCodes(selected)).toEqual([]);
    expect(selected).toContain(INVERSE);
    expect(selected).toContain('\u001B[1m');
  });

  /** The token screen for cluster-01 with an hour left, with colours on or off. */
  async function tokenScreen(color: boolean): Promise<string> {
    const r = renderApp({ api: new FakeApi([makeClusters(3)]), color });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, 'Requesting a token for cluster-01');
    r.api.lastTokenCall().reply.resolve(makeToken('eyJraWQiOiJ' + 'x'.repeat(200), new Date(r.clock.now() + 3600_000)));
    await waitForText(r.lastFrame, '1:00:00 left');
    return raw(r);
  }

  it('off: the token screen and its countdown have no colour codes', async () => {
    const frame = await tokenScreen(false);
    expect(colourCodes(frame)).toEqual([]);
    expect(frame).toContain('\u001B[1m');
  });

  it('on: the same countdown is green', async () => {
    expect(await tokenScreen(true)).toContain(`${GREEN}1:00:00`);
  });
});
