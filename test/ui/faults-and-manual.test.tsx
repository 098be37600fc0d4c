import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { App } from '../../src/ui/app.js';
import { FakeApi, FakeClipboard, LONG_TOKEN, ManualClock, makeClusters, makeToken } from './fakes.js';
import { KEYS, renderApp, START, type RenderAppOptions } from './render-app.js';
import { waitForFrame, waitForText, waitUntil } from './wait-for-frame.js';

afterEach(() => cleanup());

const HOUR = 3600_000;
const throttled = () => new AppError('service', 'Redshift is throttling requests (Throttling).', { code: 'Throttling', retryable: true, hint: 'Wait a moment.' });
const denied = () =>
  new AppError('service', 'Not authorized to perform redshift:DescribeClusters.', { code: 'AccessDenied', hint: 'Ask for redshift:DescribeClusters.' });

const selectedIds = (frame: string): string[] => [...frame.matchAll(/● ([a-z][a-z0-9-]*)/gu)].map((m) => m[1] ?? '');

async function listed(count = 5, options: RenderAppOptions = {}) {
  const r = renderApp({ api: new FakeApi([makeClusters(count)]), ...options });
  await waitForText(r.lastFrame, 'cluster-01');
  return r;
}

async function selectTwo(r: Awaited<ReturnType<typeof listed>>) {
  r.stdin.write(KEYS.space);
  r.stdin.write(KEYS.down);
  r.stdin.write(KEYS.space);
  await waitForText(r.lastFrame, '2/20');
}

describe('retrying… while the SDK retries', () => {
  it('listing: shows the attempt of the maximum and the reason, then the error; Ctrl-R retries', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().opts?.onRetry?.(2, 'Throttling (HTTP 400)', 3);
    await waitForText(r.lastFrame, 'retrying… (attempt 2 of 3: Throttling (HTTP 400))');
    api.feed().opts?.onRetry?.(3, 'Throttling (HTTP 400)', 3);
    await waitForText(r.lastFrame, 'attempt 3 of 3');
    api.feed().fail(throttled());
    const frame = await waitForText(r.lastFrame, 'Could not list clusters: Redshift is throttling');
    expect(frame).not.toContain('retrying');
    r.stdin.write(KEYS.ctrlR);
    await waitUntil(() => api.feeds.length === 2, 'a second listing');
    api.feed().page(makeClusters(2)).end();
    await waitForFrame(r.lastFrame, (f) => f.includes('cluster-02') && !f.includes('Could not list'));
  });

  it('token from the list: retrying…, then the error; Enter retries; the selection is kept', async () => {
    const r = await listed();
    await selectTwo(r);
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 1);
    r.api.lastTokenCall().opts?.onRetry?.(2, 'ServiceUnavailable (HTTP 503)', 3);
    await waitForText(r.lastFrame, 'retrying… (attempt 2 of 3: ServiceUnavailable (HTTP 503))');
    r.api.lastTokenCall().reply.reject(throttled());
    let frame = await waitForText(r.lastFrame, 'No token: Redshift is throttling');
    expect(frame).toContain('Enter tries again');
    expect(frame).toContain('2/20');
    expect(selectedIds(frame)).toEqual(['cluster-01', 'cluster-02']);
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 2, 'a second request');
    expect(r.api.lastTokenCall().ids).toEqual(['cluster-01', 'cluster-02']);
    r.api.lastTokenCall().reply.resolve(makeToken(LONG_TOKEN, new Date(START + HOUR)));
    frame = await waitForText(r.lastFrame, 'Remaining');
    expect(frame).toContain('1:00:00 left');
  });

  it('refresh on the token screen: retrying…, the error, the old token kept, r retries', async () => {
    const r = await listed();
    await selectTwo(r);
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 1);
    r.api.lastTokenCall().reply.resolve(makeToken(`${LONG_TOKEN}OLD1`, new Date(START + HOUR)));
    await waitForText(r.lastFrame, 'Remaining');
    r.stdin.write('r');
    await waitUntil(() => r.api.tokenCalls.length === 2);
    r.api.lastTokenCall().opts?.onRetry?.(2, 'Throttling (HTTP 400)', 5);
    await waitForText(r.lastFrame, 'retrying… (attempt 2 of 5: Throttling (HTTP 400)) · Getting a fresh token…');
    r.api.lastTokenCall().reply.reject(throttled());
    let frame = await waitForText(r.lastFrame, 'Refresh failed: Redshift is throttling');
    expect(frame).toContain('The token shown is still the previous one; r tries again.');
    expect(frame).toContain('OLD1 (');
    r.stdin.write('c');
    await waitUntil(() => r.clipboard.copies.length === 1, 'a copy');
    expect(r.clipboard.copies[0]).toBe(`${LONG_TOKEN}OLD1`);
    r.stdin.write('r');
    await waitUntil(() => r.api.tokenCalls.length === 3);
    r.api.lastTokenCall().reply.resolve(makeToken(`${LONG_TOKEN}NEW2`, new Date(START + HOUR)));
    frame = await waitForText(r.lastFrame, 'NEW2 (');
    r.stdin.write(KEYS.escape);
    frame = await waitForText(r.lastFrame, 'Space select');
    expect(selectedIds(frame)).toEqual(['cluster-01', 'cluster-02']);
  });
});

describe('listing denied → manual entry', () => {
  it('opens the cluster-ID field, validates as the user types, and Enter gets the token', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    let frame = await waitForText(r.lastFrame, 'Listing clusters is denied for these credentials');
    expect(frame).toContain('Could not list clusters: Not authorized');
    expect(frame).toContain('Enter token');
    expect(frame).toContain('Ctrl-R retry list');

    r.stdin.write('analytics-prod,');
    frame = await waitForText(r.lastFrame, '1 ID: analytics-prod');
    r.stdin.write(' 1bad');
    frame = await waitForText(r.lastFrame, 'Cluster ID "1bad" must start with a letter.');
    for (let i = 0; i < 4; i++) r.stdin.write(KEYS.backspace);
    r.stdin.write('finance-');
    // an unfinished ID ending in a hyphen is not an error yet
    frame = await waitForText(r.lastFrame, '2 IDs: analytics-prod, finance-');
    r.stdin.write('dw q?');
    frame = await waitForText(r.lastFrame, 'Cluster ID "q?" contains "?"');
    expect(r.outcomes).toEqual([]);
    r.stdin.write(KEYS.backspace);
    r.stdin.write(KEYS.backspace);
    frame = await waitForText(r.lastFrame, '2 IDs: analytics-prod, finance-dw');

    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1, 'a token request');
    expect(api.lastTokenCall().ids).toEqual(['analytics-prod', 'finance-dw']);
    api.lastTokenCall().reply.resolve(makeToken(LONG_TOKEN, new Date(START + HOUR)));
    frame = await waitForText(r.lastFrame, 'Remaining');
    expect(frame).toContain('2 clusters analytics-prod, finance-dw');
  });

  it('Enter refuses an invalid list with the rule, before any request', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    await waitForText(r.lastFrame, 'Listing clusters is denied');
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, 'No cluster IDs given');
    r.stdin.write('abc-');
    await waitForText(r.lastFrame, '1 ID: abc-');
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, 'Cluster ID "abc-" must not end with a hyphen.');
    r.stdin.write('x Abc-x');
    await waitForText(r.lastFrame, 'are the same cluster');
    expect(api.tokenCalls).toEqual([]);
  });

  it('a paste arrives as one chunk: commas, spaces and line breaks separate IDs and never press Enter', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    await waitForText(r.lastFrame, 'Listing clusters is denied');
    r.stdin.write('alpha-1,\rbeta-2\r\n gamma\t"delta"\r');
    const frame = await waitForText(r.lastFrame, '4 IDs: alpha-1, beta-2, gamma, delta');
    expect(api.tokenCalls).toEqual([]);
    expect(frame).not.toContain('Remaining');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1);
    expect(api.lastTokenCall().ids).toEqual(['alpha-1', 'beta-2', 'gamma', 'delta']);
  });

  it('21 pasted IDs are refused as the user pastes them', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    await waitForText(r.lastFrame, 'Listing clusters is denied');
    r.stdin.write(Array.from({ length: 21 }, (_, i) => `c${i}`).join('\n'));
    await waitForText(r.lastFrame, '21 cluster IDs; one token can cover at most 20.');
  });

  it('Ctrl-R in the field retries the listing; Esc goes back to the list', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    await waitForText(r.lastFrame, 'Listing clusters is denied');
    r.stdin.write('keep-me');
    await waitForText(r.lastFrame, '1 ID: keep-me');
    r.stdin.write(KEYS.ctrlR);
    await waitUntil(() => api.feeds.length === 2, 'a second listing');
    api.feed().page(makeClusters(3)).end();
    await waitForFrame(r.lastFrame, (f) => !f.includes('Could not list') && !f.includes('is denied'));
    r.stdin.write(KEYS.escape);
    let frame = await waitForText(r.lastFrame, 'cluster-03');
    expect(frame).toContain('i IDs');
    // the text is kept for next time
    r.stdin.write('i');
    frame = await waitForText(r.lastFrame, 'Type or paste cluster IDs.');
    expect(frame).toContain('1 ID: keep-me');
  });

  it('i on the list opens the field with the selection; Esc keeps the selection; q is text there', async () => {
    const r = await listed();
    await selectTwo(r);
    r.stdin.write('i');
    let frame = await waitForText(r.lastFrame, '2 IDs: cluster-01, cluster-02');
    r.stdin.write('q');
    frame = await waitForText(r.lastFrame, '3 IDs: cluster-01, cluster-02, q');
    expect(r.outcomes).toEqual([]);
    r.stdin.write(KEYS.escape);
    frame = await waitForText(r.lastFrame, 'Space select');
    expect(selectedIds(frame)).toEqual(['cluster-01', 'cluster-02']);
  });

  it('a failed token request from the field keeps the text; Esc cancels a request in flight first', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    await waitForText(r.lastFrame, 'Listing clusters is denied');
    r.stdin.write('gone');
    await waitForText(r.lastFrame, '1 ID: gone');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1);
    api.lastTokenCall().reply.reject(new AppError('service', 'Cluster gone was not found.', { code: 'ClusterNotFound' }));
    let frame = await waitForText(r.lastFrame, 'No token: Cluster gone was not found.');
    expect(frame).toContain('1 ID: gone');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 2);
    r.stdin.write(KEYS.escape);
    frame = await waitForFrame(r.lastFrame, (f) => !f.includes('Requesting'));
    expect(frame).toContain('1 ID: gone');
  });
});

describe('token timing', () => {
  async function tokenArrives(expiresAt: number, clockOffsetMs?: number) {
    const r = await listed();
    r.stdin.write(KEYS.enter);
    await waitUntil(() => r.api.tokenCalls.length === 1);
    r.api.lastTokenCall().reply.resolve({ token: LONG_TOKEN, expiresAt: new Date(expiresAt), ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }) });
    await waitForText(r.lastFrame, 'Remaining');
    return r;
  }

  it('a token already expired on arrival is an error, not a countdown', async () => {
    const r = await tokenArrives(START - 90_000);
    const frame = await waitForText(r.lastFrame, 'This token had already expired when it arrived');
    expect(frame).toContain('EXPIRED');
    expect(frame).not.toMatch(/\d:\d\d left/u);
  });

  it('an ExpirationTime far ahead of the local clock is a warning and shows no countdown', async () => {
    const r = await tokenArrives(START + 5 * HOUR);
    const frame = await waitForText(r.lastFrame, 'is 5 h ahead of this computer');
    expect(frame).toContain('unknown: ExpirationTime and this computer');
    expect(frame).not.toMatch(/\d:\d\d:\d\d left/u);
  });

  it("uses the SDK's measured clock offset to correct the countdown and says so", async () => {
    // server clock 3 hours ahead: ExpirationTime = server now + 1 h
    const r = await tokenArrives(START + 4 * HOUR, 3 * HOUR);
    const frame = await waitForText(r.lastFrame, "The server clock is 3 h ahead of this computer's; the countdown is corrected");
    expect(frame).toContain('1:00:00 left');
    r.clock.advance(60_000);
    await waitForText(r.lastFrame, '59:00 left');
  });

  it('a small offset (Date header rounding) changes nothing', async () => {
    const r = await tokenArrives(START + HOUR, -800);
    const frame = r.lastFrame() ?? '';
    expect(frame).toContain('1:00:00 left');
    expect(frame).not.toContain('server clock');
  });
});

describe('resizing down to 40×10', () => {
  const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;?]*[A-Za-z]/gu, '');

  function check(frame: string, rows: number, columns: number): void {
    const lines = stripAnsi(frame).split('\n');
    expect(lines.length, frame).toBeLessThan(rows);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
  }

  it('every screen keeps within the terminal at every size, state kept', async () => {
    const api = new FakeApi([makeClusters(30)]);
    const clock = new ManualClock(START);
    const clipboard = new FakeClipboard();
    const el = (rows: number, columns: number) => (
      <App api={api} clipboard={clipboard} now={clock.now} setTick={clock.setTick} context={{ profile: 'a-rather-long-profile-name', region: 'ap-southeast-2', endpoint: 'http://127.0.0.1:65000' }} rows={rows} columns={columns} onExit={() => {}} />
    );
    const r = render(el(30, 120));
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    const sizes: Array<[number, number]> = [[30, 120], [10, 40], [12, 50], [10, 40], [24, 80]];
    const everySize = async (what: string) => {
      for (const [rows, columns] of sizes) {
        r.rerender(el(rows, columns));
        await new Promise((resolve) => setTimeout(resolve, 20));
        check(r.lastFrame() ?? '', rows, columns);
        expect(r.lastFrame(), `${what} at ${columns}×${rows}`).toBeTruthy();
      }
    };
    await everySize('list');
    r.stdin.write('/');
    r.stdin.write('cluster-0');
    await everySize('filter');
    r.stdin.write(KEYS.enter);
    r.stdin.write('?');
    await everySize('help');
    r.stdin.write('x');
    r.stdin.write('i');
    r.stdin.write(Array.from({ length: 20 }, (_, i) => `some-long-cluster-name-${i}`).join(', '));
    await everySize('manual entry');
    r.stdin.write(KEYS.escape);
    await waitForText(r.lastFrame, 'Space select');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1, 'a token request');
    api.lastTokenCall().reply.resolve(makeToken(LONG_TOKEN, new Date(START + HOUR)));
    await waitForText(r.lastFrame, 'Remaining');
    await everySize('token');
    r.stdin.write('v');
    await everySize('revealed token');
    r.stdin.write(KEYS.escape);
    const frame = await waitForText(r.lastFrame, 'Space select');
    expect(frame).toContain('1/20');
    expect(frame).toContain('● cluster-01');
  });
});


describe('keys that arrive in the same chunk as typed text', () => {
  it('Ctrl-C, Ctrl-R and Backspace inside a chunk still act in the ID field', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().fail(denied());
    await waitForText(r.lastFrame, 'Listing clusters is denied');
    r.stdin.write('abcd\u007F, efg\u0012');
    await waitForText(r.lastFrame, '2 IDs: abc, efg');
    await waitUntil(() => api.feeds.length === 2, 'Ctrl-R reloaded the listing');
    r.stdin.write('\u0012\u0003');
    await waitUntil(() => r.outcomes.length === 1, 'Ctrl-C quit');
    expect(r.outcomes).toEqual([{ kind: 'cancel' }]);
  });
});
