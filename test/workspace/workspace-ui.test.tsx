import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/aws/workspace-types.js';
import type { AuthToken } from '../../src/domain/cluster.js';
import { AppError } from '../../src/domain/errors.js';
import type { AppProps } from '../../src/ui/app.js';
import { helpSections, KEYMAP } from '../../src/ui/keymap.js';
import { deferred, FakeApi, makeCluster, makeClusters, makeToken } from '../ui/fakes.js';
import { KEYS, renderApp, START } from '../ui/render-app.js';
import { waitForFrame, waitForText, waitUntil } from '../ui/wait-for-frame.js';

function renderWith({ api, ...props }: Omit<Partial<AppProps>, 'api'> & { api?: FakeApi } = {}) {
  return renderApp({ api: api ?? new FakeApi([makeClusters(12)]), props });
}

const lines = (frame: string) => frame.split('\n');

describe('help overlay', () => {
  it('lists every binding of the keymap: each label and help text, section by section', async () => {
    const r = renderWith({ rows: 80, columns: 120 });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write('?');
    const frame = await waitForText(r.lastFrame, 'any key closes the help');
    const shown = lines(frame).filter((l) => /^\s{2}\S/.test(l) && !l.includes('CLUSTER'));
    const expected = helpSections().flatMap((s) => s.bindings.map((b) => `${b.label.padEnd(10)}${b.help}`));
    expect(shown.map((l) => l.trim().replace(/\s+$/u, ''))).toEqual(expected.map((e) => e.trim()));
    for (const section of helpSections()) expect(frame).toContain(section.title);
    // nothing of the keymap is left out, and nothing planned is left in it
    expect(expected).toHaveLength(KEYMAP.length);
    expect(KEYMAP.some((b) => b.planned)).toBe(false);
    for (const action of ['pickProfile', 'pickRegion', 'sort', 'detail', 'autoRefresh', 'pickerChoose']) {
      const binding = KEYMAP.find((b) => b.action === action);
      expect(binding, action).toBeDefined();
      expect(frame).toContain(binding?.help);
    }
  });

  it('on a small terminal keeps the main sections whole and leaves sub-screens out first', async () => {
    const r = renderWith({ rows: 30, columns: 100 });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write('?');
    const frame = await waitForText(r.lastFrame, 'any key closes the help');
    for (const text of ['Cluster list', 'pick profile', 'cycle sort: recent, name, status', 'Token', 'auto-refresh on / off', 'Everywhere']) expect(frame).toContain(text);
    expect(lines(frame).length).toBeLessThan(30);
  });
});

describe('sort (s)', () => {
  it('cycles recent → name → status and says so in the status line; recent clusters first', async () => {
    const api = new FakeApi([[makeCluster('zeta', { status: 'paused' }), makeCluster('alpha', { status: 'paused' }), makeCluster('mid'), makeCluster('beta')]]);
    const r = renderWith({ api, workspace: { target: { profile: 'dev', region: 'us-east-1' }, sort: 'recent', remembered: { targets: { 'dev|us-east-1': { selection: [], recent: ['zeta', 'mid'] } } } } });
    let frame = await waitForText(r.lastFrame, 'sort recent · 4 clusters');
    const order = (f: string) => [...f.matchAll(/[○●] (\w+)\s/gu)].map((m) => m[1]);
    expect(order(frame)).toEqual(['zeta', 'mid', 'alpha', 'beta']);
    r.stdin.write('s');
    frame = await waitForText(r.lastFrame, 'sort name');
    expect(order(frame)).toEqual(['alpha', 'beta', 'mid', 'zeta']);
    r.stdin.write('s');
    frame = await waitForText(r.lastFrame, 'sort status');
    expect(order(frame)).toEqual(['beta', 'mid', 'alpha', 'zeta']);
    r.stdin.write('s');
    await waitForText(r.lastFrame, 'sort recent');
  });

  it('a token received makes its clusters recent: they move to the top', async () => {
    const api = new FakeApi([makeClusters(5)]);
    const r = renderWith({ api, workspace: { target: { profile: 'dev', region: 'us-east-1' }, sort: 'recent' } });
    await waitForText(r.lastFrame, 'sort recent');
    r.stdin.write(KEYS.end);
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1, 'token call');
    api.lastTokenCall().reply.resolve(makeToken('tok', new Date(START + 3600_000)));
    await waitForText(r.lastFrame, 'Remaining');
    r.stdin.write(KEYS.escape);
    const frame = await waitForText(r.lastFrame, 'sort recent');
    expect([...frame.matchAll(/[○●] (cluster-\d+)/gu)].map((m) => m[1])[0]).toBe('cluster-05');
  });
});

describe('cluster detail pane', () => {
  const tagged = makeCluster('analytics-prod', { nodes: 4, nodeType: 'ra3.4xlarge', dbName: 'analytics', availability: 'Available', tags: { env: 'prod', team: 'data' } });

  it('shows at the side on a wide terminal, and d hides it', async () => {
    const r = renderWith({ api: new FakeApi([[tagged, ...makeClusters(3)]]), columns: 160, rows: 24 });
    let frame = await waitForText(r.lastFrame, 'Nodes     4 × ra3.4xlarge');
    for (const text of ['Status    available · Available', 'Endpoint  analytics-prod.abc123', 'redshift.amazonaws.com', 'Port      5439', 'Database  analytics', 'AZ        us-east-1a', 'Tags      env=prod', 'team=data']) expect(frame).toContain(text);
    expect(lines(frame).length).toBeLessThan(24);
    r.stdin.write(KEYS.down);
    frame = await waitForText(r.lastFrame, 'Nodes     2 × ra3.xlplus');
    r.stdin.write('d');
    frame = await waitForFrame(r.lastFrame, (f) => !f.includes('Nodes     '), { what: 'pane hidden' });
    expect(frame).toContain('cluster-01');
  });

  it('on a narrow terminal d shows it below the table, and the frame stays shorter than the terminal', async () => {
    const r = renderWith({ api: new FakeApi([[tagged, ...makeClusters(40)]]), columns: 90, rows: 20 });
    let frame = await waitForText(r.lastFrame, 'cluster-01');
    expect(frame).not.toContain('Endpoint  ');
    const before = lines(frame).length;
    r.stdin.write('d');
    frame = await waitForText(r.lastFrame, '── analytics-prod');
    expect(frame).toContain('Database  analytics   AZ us-east-1a   Nodes 4 × ra3.4xlarge');
    expect(frame).toContain('Tags      env=prod, team=data');
    expect(lines(frame).length).toBeLessThan(20);
    expect(lines(frame).length).toBe(before);
    // paging follows the smaller table: PgDn then the highlighted row is still on screen
    r.stdin.write(KEYS.pageDown);
    frame = await waitForFrame(r.lastFrame, (f) => /── cluster-\d+/u.test(f), { what: 'pane follows the cursor' });
    const id = /── (cluster-\d+)/u.exec(frame)?.[1] as string;
    expect(frame).toMatch(new RegExp(`[○●] ${id}\\s`, 'u'));
    expect(lines(frame).length).toBeLessThan(20);
  });
});

function fakeSession(expiry?: Date): SessionInfo & { calls: number } {
  const s = {
    calls: 0,
    identity: async () => {
      s.calls += 1;
      return { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Analyst/bob@example.com' };
    },
    credentialsExpiry: async () => expiry,
  };
  return s;
}

describe('identity in the header', () => {
  it('shows account, caller and the time left on expiring credentials, live', async () => {
    const session = fakeSession(new Date(START + 42 * 60_000));
    const r = renderWith({ session, columns: 160 });
    let frame = await waitForText(r.lastFrame, 'account 111122223333');
    expect(frame).toContain('as arn:aws:sts::111122223333:assumed-role/Analyst/bob@example.com');
    frame = await waitForText(r.lastFrame, 'creds 42 min left');
    r.clock.advance(35 * 60_000);
    frame = await waitForText(r.lastFrame, 'creds 7 min left');
    r.clock.advance(8 * 60_000);
    await waitForText(r.lastFrame, 'creds expired');
  });

  it('does not hold up the first frame, and a narrow header shows the ARN after the account', async () => {
    const gate = deferred<{ account: string; arn: string }>();
    const session: SessionInfo = { identity: () => gate.promise, credentialsExpiry: async () => undefined };
    const r = renderWith({ session, columns: 100 });
    let frame = await waitForText(r.lastFrame, 'cluster-01');
    expect(frame).not.toContain('account');
    gate.resolve({ account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Analyst/bob@example.com' });
    frame = await waitForText(r.lastFrame, 'as assumed-role/Analyst/bob');
    expect(frame).not.toContain('creds');
  });

  it('a failing STS call leaves the header as it was', async () => {
    const session: SessionInfo = { identity: () => Promise.reject(new Error('ExpiredToken')), credentialsExpiry: () => Promise.reject(new Error('no')) };
    const r = renderWith({ session });
    const frame = await waitForText(r.lastFrame, 'cluster-01');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(r.lastFrame()).not.toContain('account');
    expect(frame).toContain('profile dev');
  });
});

describe('P and R without a switcher', () => {
  it('say that switching is not available', async () => {
    const r = renderWith();
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write('P');
    await waitForText(r.lastFrame, 'Switching profiles is not available here');
  });
});

describe('auto-refresh (injected clock, short token TTL)', () => {
  const TTL = 15 * 60_000;

  async function tokenScreen(props: Omit<Partial<AppProps>, 'api'> = {}) {
    const api = new FakeApi([makeClusters(3)]);
    const r = renderWith({ api, autoRefresh: { enabled: true, beforeMs: 5 * 60_000 }, ...props });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1, 'first token call');
    api.lastTokenCall().reply.resolve(makeToken('first-token-AAAAAAAAAAAAAAAAAAAA', new Date(START + TTL)));
    await waitForText(r.lastFrame, 'Remaining  15:00');
    return r;
  }

  it('gets a new token when 5 minutes are left, says so, and counts down to the new ExpirationTime', async () => {
    const r = await tokenScreen();
    expect(r.lastFrame()).toMatch(/Refresh\s+on · next at \d\d:\d\d \(5 min before expiry\)/u);
    r.clock.advance(9 * 60_000 + 59_000);
    expect(r.api.tokenCalls).toHaveLength(1);
    r.clock.advance(1_000);
    await waitUntil(() => r.api.tokenCalls.length === 2, 'automatic refresh');
    expect(r.api.lastTokenCall().ids).toEqual(['cluster-01']);
    const refreshedAt = r.clock.now();
    r.api.lastTokenCall().reply.resolve(makeToken('second-token-BBBBBBBBBBBBBBBBBBBB', new Date(refreshedAt + TTL)));
    const frame = await waitForFrame(r.lastFrame, (f) => /refreshed automatically at \d\d:\d\d/u.test(f) && f.includes('Remaining  15:00'), { what: 'refreshed' });
    const hhmm = new Date(refreshedAt).toTimeString().slice(0, 5);
    expect(frame).toContain(`refreshed automatically at ${hhmm}`);
    expect(frame).not.toContain('first-token');
    r.clock.advance(30_000);
    await waitForText(r.lastFrame, 'Remaining  14:30');
    expect(r.api.tokenCalls).toHaveLength(2);
    // the next one comes 5 minutes before the new expiry
    r.clock.advance(9 * 60_000 + 31_000);
    await waitUntil(() => r.api.tokenCalls.length === 3, 'second automatic refresh');
  });

  it('a failure keeps the old token, says so, and tries again a minute later while it is still valid', async () => {
    const r = await tokenScreen();
    r.clock.advance(10 * 60_000);
    await waitUntil(() => r.api.tokenCalls.length === 2, 'automatic refresh');
    r.api.lastTokenCall().reply.reject(new AppError('service', 'Rate exceeded.'));
    let frame = await waitForText(r.lastFrame, 'automatic refresh failed at');
    expect(frame).toContain('keeping the current token');
    expect(frame).toContain('Rate exceeded.');
    expect(frame).toContain('Remaining  5:00');
    expect(frame).toContain('Refresh failed: Rate exceeded.');
    r.clock.advance(59_000);
    expect(r.api.tokenCalls).toHaveLength(2);
    r.clock.advance(1_000);
    await waitUntil(() => r.api.tokenCalls.length === 3, 'retry after a minute');
    r.api.lastTokenCall().reply.resolve(makeToken('third', new Date(r.clock.now() + TTL)));
    frame = await waitForText(r.lastFrame, 'refreshed automatically at');
    expect(frame).not.toContain('failed at');
  });

  it('stops trying once the old token has expired', async () => {
    const r = await tokenScreen();
    r.clock.advance(9 * 60_000);
    for (let i = 0; i < 5; i++) {
      r.clock.advance(60_000);
      await waitUntil(() => r.api.tokenCalls.length === i + 2, `attempt ${i + 1}`);
      r.api.lastTokenCall().reply.reject(new AppError('service', 'Rate exceeded.'));
      await waitForText(r.lastFrame, `automatic refresh failed at ${new Date(r.clock.now()).toTimeString().slice(0, 5)}`);
    }
    r.clock.advance(5 * 60_000);
    await waitForText(r.lastFrame, 'the token has expired · r tries again');
    expect(r.api.tokenCalls).toHaveLength(6);
  });

  it('a on the token screen turns it on and off; off means no automatic requests', async () => {
    const r = await tokenScreen({ autoRefresh: undefined });
    expect(r.lastFrame()).not.toContain('Refresh ');
    r.stdin.write('a');
    await waitForText(r.lastFrame, 'Auto-refresh on');
    await waitForFrame(r.lastFrame, (f) => /Refresh\s+on/u.test(f), { what: 'refresh row' });
    r.stdin.write('a');
    await waitForText(r.lastFrame, 'Auto-refresh off.');
    r.clock.advance(5 * 60_000);
    expect(r.api.tokenCalls).toHaveLength(1);
  });

  it('a token shorter-lived than the lead is refreshed at half its life, not over and over', async () => {
    const api = new FakeApi([makeClusters(1)]);
    const r = renderWith({ api, autoRefresh: { enabled: true, beforeMs: 5 * 60_000 } });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1, 'token call');
    api.lastTokenCall().reply.resolve(makeToken('short', new Date(START + 2 * 60_000)));
    await waitForText(r.lastFrame, 'Remaining  2:00');
    r.clock.advance(59_000);
    expect(api.tokenCalls).toHaveLength(1);
    r.clock.advance(1_000);
    await waitUntil(() => api.tokenCalls.length === 2, 'refresh at half-life');
    const next: AuthToken = makeToken('short-2', new Date(r.clock.now() + 2 * 60_000));
    api.lastTokenCall().reply.resolve(next);
    await waitForText(r.lastFrame, 'refreshed automatically');
    r.clock.advance(30_000);
    expect(api.tokenCalls).toHaveLength(2);
  });
});
