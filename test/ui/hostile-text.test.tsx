import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo, Switcher } from '../../src/aws/workspace-types.js';
import { AppError } from '../../src/domain/errors.js';
import { FakeApi, makeCluster, makeToken } from './fakes.js';
import { KEYS, renderApp, START } from './render-app.js';
import { waitForText, waitUntil } from './wait-for-frame.js';
import { cleanup } from 'ink-testing-library';

/**
 * Strings from a hostile endpoint (or config file) on every screen: the frame shows them as
 * visible escapes and holds no control character but Ink's own SGR codes and its line breaks.
 */

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const OSC0 = '\u001b]0;pwned\u0007';
const OSC8 = '\u001b]8;;https://evil.example\u0007';
const SHOWN = {
  osc52: '\\x1b]52;c;ZXZpbA==\\x07',
  osc0: '\\x1b]0;pwned\\x07',
  osc8: '\\x1b]8;;https://evil.example\\x07',
};

/** Anything a terminal acts on, once Ink's SGR codes are taken out; line feeds are the frame's own lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
function expectSafe(frame: string | undefined): void {
  const withoutSgr = (frame ?? '').replace(/\u001b\[[0-9;]*m/gu, '');
  const found = RAW_CONTROL.exec(withoutSgr);
  expect(found, found ? `raw ${JSON.stringify(found[0])} at …${JSON.stringify(withoutSgr.slice(Math.max(0, found.index - 30), found.index + 30))}…` : '').toBeNull();
}

afterEach(() => cleanup());

const hostile = makeCluster(`evil${OSC52}`, {
  status: `available\r`,
  nodeType: 'ra3\b\b\bdc2',
  dbName: `dev${OSC8}x`,
  endpoint: { address: 'host\u009b31m.example.com', port: 5439 },
  az: 'us-east-1a\u001b[1A',
  availability: 'Available\u202e',
  tags: { 'owner\u202e': 'x\ny', [`k${OSC52}`]: 'v', [`t${OSC0}`]: '' },
});
const titled = makeCluster(`title${OSC0}`);
const plain = makeCluster('a-plain-cluster-with-a-long-name');

describe('hostile text on screen', () => {
  it('the list and the detail pane: cluster IDs, statuses, node types, DB names, endpoints, AZs and tags', async () => {
    const r = renderApp({ api: new FakeApi([[hostile, titled, plain]]), columns: 170, rows: 30 });
    const frame = await waitForText(r.lastFrame, 'a-plain-cluster-with-a-long-name');
    expectSafe(r.lastFrame());
    // the rows
    expect(frame).toContain(`evil${SHOWN.osc52}`);
    expect(frame).toContain(`title${SHOWN.osc0}`);
    expect(frame).toContain('ra3\\x08\\x08\\x08dc2');
    expect(frame).toContain('host\\x9b31m.example.com:5439');
    // the detail pane beside them (the highlighted cluster is the first)
    expect(frame).toContain('available\\x0d · Available\\u202e');
    expect(frame).toContain('Database  dev\\x1b]8;;https://evil.example');
    expect(frame).toContain('us-east-1a\\x1b[1A');
    expect(frame).toContain('owner\\u202e=x\\x0ay');
    expect(frame).toContain(`k${SHOWN.osc52}=v`);
    expect(frame).toContain(`t${SHOWN.osc0}`);
    // one line per cluster: a carriage return or line feed did not make another row
    expect(frame.split('\n').filter((l) => /^[○●] /u.test(l))).toHaveLength(3);
  });

  it('the detail pane under the table on a narrow terminal', async () => {
    const r = renderApp({ api: new FakeApi([[hostile, plain]]), columns: 100, rows: 30 });
    await waitForText(r.lastFrame, 'a-plain-cluster');
    r.stdin.write('d');
    const frame = await waitForText(r.lastFrame, 'Tags');
    expectSafe(r.lastFrame());
    expect(frame).toContain('owner\\u202e=x\\x0ay');
  });

  it('an error message and hint from the server, the header (profile, region, endpoint) and the caller identity', async () => {
    const api = new FakeApi();
    const session: SessionInfo = {
      identity: async () => ({ account: `1234${OSC0}`, arn: `arn:aws:sts::1234:assumed-role/R/alice${OSC52}` }),
      credentialsExpiry: async () => undefined,
    };
    const r = renderApp({
      api,
      columns: 220,
      context: { profile: `prof${OSC0}`, region: 'eu-west-1\r', endpoint: `http://127.0.0.1:1/${OSC8}` },
      props: { session },
    });
    await waitUntil(() => api.feeds.length === 1, 'listing');
    api.feed().fail(new AppError('service', `Denied${OSC0}\nsecond line\u202e`, { hint: `Ask ${OSC8}\u009b2J` }));
    const frame = await waitForText(r.lastFrame, 'Could not list clusters');
    await waitForText(r.lastFrame, 'alice');
    expectSafe(r.lastFrame());
    expect(frame).toContain(`Could not list clusters: Denied${SHOWN.osc0}\\x0asecond line\\u202e`);
    expect(frame).toContain(`Ask ${SHOWN.osc8}\\x9b2J`);
    const header = (r.lastFrame() ?? '').split('\n')[0] ?? '';
    expect(header).toContain(`prof${SHOWN.osc0}`);
    expect(header).toContain('eu-west-1\\x0d');
    expect(header).toContain(`1234${SHOWN.osc0}`);
    expect(header).toContain(`alice${SHOWN.osc52}`);
  });

  it('the revealed token, and the copy menu refusing an endpoint that is not a host name', async () => {
    const api = new FakeApi([[makeCluster('analytics', { endpoint: { address: `db.example.com${OSC52}`, port: 5439 } })]]);
    const r = renderApp({ api, columns: 220 });
    await waitForText(r.lastFrame, 'analytics');
    r.stdin.write(KEYS.enter);
    await waitUntil(() => api.tokenCalls.length === 1, 'token call');
    api.lastTokenCall().reply.resolve(makeToken(`eyJ${OSC52}\u202etail`, new Date(START + 3_600_000)));
    await waitForText(r.lastFrame, 'Remaining');
    r.stdin.write('v');
    let frame = await waitForText(r.lastFrame, 'revealed below');
    expectSafe(r.lastFrame());
    expect(frame).toContain(`eyJ${SHOWN.osc52}\\u202etail`);
    r.stdin.write('v');
    r.stdin.write('C');
    frame = await waitForText(r.lastFrame, 'Copy as…');
    expectSafe(r.lastFrame());
    expect(frame).toContain(`unavailable: analytics's endpoint address "db.example.com${SHOWN.osc52}" is not a host name or an IP address`);
    r.stdin.write('2');
    frame = await waitForText(r.lastFrame, 'No JDBC URL');
    expectSafe(r.lastFrame());
    expect(frame).toContain(`No JDBC URL: analytics's endpoint address "db.example.com${SHOWN.osc52}" is not a host name or an IP address.`);
    expect(r.clipboard.copies).toEqual([]);
  });

  it('profile names and regions from the config files in the picker, and its error', async () => {
    const profiles = [{ name: `evil${OSC0}`, region: `us-east-1${OSC52}`, kind: 'keys' as const, source: 'config' as const }];
    let fail = false;
    const switcher: Switcher = {
      apiFor: () => ({ api: new FakeApi([[]]), context: async () => ({}) }),
      profiles: async () => {
        if (fail) throw new Error(`cannot read ${OSC8}\u009b`);
        return profiles;
      },
    };
    const r = renderApp({ api: new FakeApi([[plain]]), props: { switcher, workspace: { target: { profile: 'dev', region: 'us-east-1' } } } });
    await waitForText(r.lastFrame, 'a-plain-cluster');
    r.stdin.write('P');
    let frame = await waitForText(r.lastFrame, 'access keys');
    expectSafe(r.lastFrame());
    expect(frame).toContain(`evil${SHOWN.osc0}`);
    expect(frame).toContain(`us-east-1${SHOWN.osc52}`);
    r.stdin.write(KEYS.escape);
    await waitForText(r.lastFrame, 'a-plain-cluster');
    fail = true;
    r.stdin.write('P');
    frame = await waitForText(r.lastFrame, 'Could not read the profiles');
    expectSafe(r.lastFrame());
    expect(frame).toContain(`cannot read ${SHOWN.osc8}\\x9b`);
  });

  it('text pasted into the ID field (bidi overrides stay visible)', async () => {
    const r = renderApp({ api: new FakeApi([[plain]]) });
    await waitForText(r.lastFrame, 'a-plain-cluster');
    r.stdin.write('i');
    await waitForText(r.lastFrame, 'Type or paste cluster IDs');
    r.stdin.write('abc\u202eevil');
    const frame = await waitForText(r.lastFrame, 'abc\\u202eevil');
    expectSafe(r.lastFrame());
    expect(frame).toContain('abc\\u202eevil');
  });
});
