import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { FakeApi, makeClusters, makeToken } from './fakes.js';
import { KEYS, renderApp, START, type RenderAppOptions } from './render-app.js';
import { waitForFrame, waitForText, waitUntil } from './wait-for-frame.js';

afterEach(() => cleanup());

const HOUR = 3600_000;
const tokenText = (end: string): string => `eyJraWQiOiJ${'x'.repeat(1000)}MIDDLE${'y'.repeat(300)}${end}`;
const FIRST = tokenText('END1');
const SECOND = tokenText('END2');

/** Lists five clusters, selects the first two and opens the token screen with FIRST. */
async function onTokenScreen(expiresIn = HOUR, options: RenderAppOptions = {}) {
  const r = renderApp({ api: new FakeApi([makeClusters(5)]), ...options });
  await waitForText(r.lastFrame, 'cluster-01');
  r.stdin.write(KEYS.space);
  r.stdin.write(KEYS.down);
  r.stdin.write(KEYS.space);
  await waitForText(r.lastFrame, '2/20');
  r.stdin.write(KEYS.enter);
  await waitForText(r.lastFrame, 'Requesting a token for cluster-01, cluster-02…');
  r.api.lastTokenCall().reply.resolve(makeToken(FIRST, new Date(r.clock.now() + expiresIn)));
  await waitForText(r.lastFrame, 'Remaining');
  return r;
}

const joined = (frame: string): string => frame.split('\n').join('');

describe('token screen', () => {
  it('requests the selected clusters and shows the token masked, with expiry in local time and UTC', async () => {
    const r = await onTokenScreen();
    expect(r.api.tokenCalls.map((c) => c.ids)).toEqual([['cluster-01', 'cluster-02']]);
    const frame = r.lastFrame() ?? '';
    expect(frame).toContain('2 clusters cluster-01, cluster-02');
    expect(frame).toContain(`eyJraW…END1 (${FIRST.length} chars)`);
    expect(frame).toContain('2025-11-28 14:00:00 UTC');
    expect(frame).toMatch(/Expires +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d local · 2025-11-28 14:00:00 UTC/u);
    expect(frame).toContain('1:00:00 left');
    expect(frame).toContain('c copy');
    expect(r.frames.some((f) => f.includes('MIDDLE'))).toBe(false);
  });

  it('v reveals the whole token and hides it again', async () => {
    const r = await onTokenScreen();
    r.stdin.write('v');
    let frame = await waitForText(r.lastFrame, 'v hides it');
    expect(joined(frame)).toContain(FIRST);
    r.stdin.write('v');
    frame = await waitForText(r.lastFrame, 'v reveals');
    expect(frame).not.toContain('MIDDLE');
  });

  it('the revealed token never makes the frame taller than the terminal', async () => {
    const r = await onTokenScreen(HOUR, { rows: 12, columns: 60 });
    r.stdin.write('v');
    const frame = await waitForText(r.lastFrame, 'c copies the whole token');
    expect(frame.split('\n').length).toBeLessThan(12);
  });

  it('counts down with the injected clock, changes phase near expiry and shows EXPIRED after', async () => {
    const r = await onTokenScreen(HOUR - 1000);
    await waitForText(r.lastFrame, '59:59 left');
    r.clock.advance(1000);
    await waitForText(r.lastFrame, '59:58 left');
    r.clock.advance(HOUR - 2000 - 5 * 60_000);
    let frame = await waitForText(r.lastFrame, '5:00 left');
    expect(frame).not.toContain('expiring soon');
    r.clock.advance(1000);
    await waitForText(r.lastFrame, '4:59 left · expiring soon');
    r.clock.advance(4 * 60_000);
    await waitForText(r.lastFrame, '0:59 left · expires in under a minute');
    r.clock.advance(59_000);
    frame = await waitForText(r.lastFrame, 'EXPIRED');
    expect(frame).toContain('r gets a fresh token');
    expect(frame).not.toContain('0:00 left');
  });

  it('c copies the token through the clipboard and confirms it', async () => {
    const r = await onTokenScreen();
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'Copied to the clipboard.');
    expect(r.clipboard.copies).toEqual([FIRST]);
  });

  it('says when the copy went through OSC 52 and cannot be confirmed', async () => {
    const r = await onTokenScreen();
    r.clipboard.result = { method: 'osc52', confirmed: false };
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'Sent to the terminal via OSC 52 (the terminal cannot confirm it).');
  });

  it('copying an expired token says so', async () => {
    const r = await onTokenScreen(2000);
    r.clock.advance(2000);
    await waitForText(r.lastFrame, 'EXPIRED');
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'This token has expired: r gets a fresh one.');
  });

  it('says why a copy failed and suggests v', async () => {
    const r = await onTokenScreen();
    r.clipboard.error = new AppError('other', 'Could not copy to the clipboard: no display server.');
    r.stdin.write('c');
    const frame = await waitForText(r.lastFrame, 'Could not copy to the clipboard: no display server.');
    expect(frame).toContain('Press v to reveal the token and copy it by hand.');
    expect(frame).toContain('Remaining');
  });

  it('r gets a fresh token for the same clusters', async () => {
    const r = await onTokenScreen();
    r.clock.advance(10 * 60_000);
    await waitForText(r.lastFrame, '50:00 left');
    r.stdin.write('r');
    await waitForText(r.lastFrame, 'Getting a fresh token…');
    expect(r.api.lastTokenCall().ids).toEqual(['cluster-01', 'cluster-02']);
    r.clock.time += 500;
    r.api.lastTokenCall().reply.resolve(makeToken(SECOND, new Date(r.clock.now() + HOUR)));
    const frame = await waitForText(r.lastFrame, 'Fresh token received.');
    expect(frame).toContain('…END2');
    expect(frame).toContain('1:00:00 left');
    expect(r.api.tokenCalls).toHaveLength(2);
  });

  it('a failed refresh keeps the old token and shows the error; r again succeeds', async () => {
    const r = await onTokenScreen();
    r.stdin.write('r');
    await waitUntil(() => r.api.tokenCalls.length === 2);
    r.api.lastTokenCall().opts?.onRetry?.(2, 'Throttling');
    await waitForText(r.lastFrame, 'retrying… (attempt 2: Throttling)');
    r.api
      .lastTokenCall()
      .reply.reject(new AppError('service', 'Rate exceeded after 3 attempts.', { code: 'Throttling', retryable: true }));
    const frame = await waitForText(r.lastFrame, 'Refresh failed: Rate exceeded after 3 attempts.');
    expect(frame).toContain('The token shown is still the previous one; r tries again.');
    expect(frame).toContain('…END1');
    r.stdin.write('c');
    await waitForText(r.lastFrame, 'Copied to the clipboard.');
    expect(r.clipboard.copies).toEqual([FIRST]);

    r.stdin.write('r');
    await waitUntil(() => r.api.tokenCalls.length === 3);
    r.api.lastTokenCall().reply.resolve(makeToken(SECOND, new Date(START + HOUR)));
    await waitForText(r.lastFrame, '…END2');
  });

  it('Esc goes back to the list with the selection kept', async () => {
    const r = await onTokenScreen();
    r.stdin.write(KEYS.escape);
    const frame = await waitForText(r.lastFrame, 'Space select');
    expect(frame).toContain('2/20');
    expect(frame).toContain('● cluster-01');
    expect(frame).toContain('● cluster-02');
    expect(frame).toContain('○ cluster-03');
  });

  it('Enter on the token screen finishes with the token and its clusters', async () => {
    const r = await onTokenScreen();
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.outcomes.length > 0, 'onExit');
    expect(r.outcomes).toEqual([
      { kind: 'token', token: { token: FIRST, expiresAt: new Date(START + HOUR) }, clusterIds: ['cluster-01', 'cluster-02'] },
    ]);
  });

  it('q quits from the token screen', async () => {
    const r = await onTokenScreen();
    r.stdin.write('q');
    await waitUntil(() => r.outcomes.length > 0, 'onExit');
    expect(r.outcomes).toEqual([{ kind: 'quit' }]);
  });
});

describe('requesting a token from the list', () => {
  it('uses the highlighted cluster when nothing is selected', async () => {
    const r = renderApp({ api: new FakeApi([makeClusters(5)]) });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write('j');
    r.stdin.write('j');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 1);
    expect(r.api.lastTokenCall().ids).toEqual(['cluster-03']);
  });

  it('shows the error in plain words, keeps running, and Enter tries again', async () => {
    const r = renderApp({ api: new FakeApi([makeClusters(3)]) });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.space);
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 1);
    r.api.lastTokenCall().reply.reject(
      new AppError('service', 'This needs identity-enhanced credentials.', {
        code: 'UnsupportedOperation',
        hint: 'Use a role session from IAM Identity Center trusted identity propagation.',
      }),
    );
    let frame = await waitForText(r.lastFrame, 'No token: This needs identity-enhanced credentials.');
    expect(frame).toContain('Use a role session from IAM Identity Center trusted identity propagation. Enter tries again.');
    expect(frame).toContain('1/20');

    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 2, 'a second request');
    frame = await waitForText(r.lastFrame, 'Requesting a token for cluster-01…');
    expect(frame).not.toContain('No token');
    r.api.lastTokenCall().reply.resolve(makeToken(FIRST, new Date(START + HOUR)));
    frame = await waitForText(r.lastFrame, 'Remaining');
    expect(frame).toContain('Cluster    cluster-01');
  });

  it('Esc cancels a request in flight; a late answer is ignored', async () => {
    const r = renderApp({ api: new FakeApi([makeClusters(3)]) });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, '(Esc cancels)');
    const call = r.api.lastTokenCall();
    r.stdin.write(KEYS.escape);
    await waitForFrame(r.lastFrame, (f) => !f.includes('Requesting'));
    expect(call.opts?.signal?.aborted).toBe(true);
    call.reply.resolve(makeToken(FIRST, new Date(START + HOUR)));
    r.stdin.write(KEYS.space);
    const frame = await waitForText(r.lastFrame, '1/20');
    expect(frame).not.toContain('Remaining');
  });

  it('Enter does not send a second request while one is in flight', async () => {
    const r = renderApp({ api: new FakeApi([makeClusters(3)]) });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.enter);
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, 'Requesting');
    r.stdin.write(KEYS.enter);
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    expect(r.api.tokenCalls).toHaveLength(1);
  });
});
