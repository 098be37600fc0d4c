import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

let session: TmuxSession | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
});

const remaining = (screen: string) => /Remaining\s+(\d+:\d\d)/.exec(screen)?.[1];
const BASE64_RUN = /[A-Za-z0-9+/]{100,}/;

describe('idc-tui --demo in a real terminal (tmux)', () => {
  it('lists, selects two clusters, shows a masked token with a live countdown, goes back with the selection kept and quits cleanly', async () => {
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo`, { columns: 120, rows: 32, cwd: repoRoot });
    const list = await session.waitFor(/36 clusters/);
    expect(list).toContain('0/20');
    expect(list).toMatch(/analytics-prod\s+available/);

    session.send(['Space', 'Down', 'Space']);
    await session.waitFor('2/20');

    session.send('Enter');
    const token = await session.waitFor(/Remaining\s+\d+:\d\d/);
    expect(token).toContain('analytics-prod');
    expect(token).toContain('analytics-staging');
    expect(token).toMatch(/Expires.*UTC/);
    expect(token).not.toMatch(BASE64_RUN);

    const first = remaining(token);
    const later = await session.waitFor((s) => remaining(s) !== undefined && remaining(s) !== first, 5_000);
    expect(remaining(later)).not.toBe(first);

    session.send('v');
    expect(await session.waitFor(BASE64_RUN)).toMatch(BASE64_RUN);
    session.send('v');
    await session.waitFor((s) => !BASE64_RUN.test(s));

    session.send('Escape');
    const back = await session.waitFor(/CLUSTER\s+STATUS/);
    expect(back).toContain('2/20');
    expect(back).toMatch(/● analytics-prod/);

    session.send('q');
    expect(await session.exitStatus()).toBe(0);
    const after = await session.waitFor('[exited]');
    expect(after).not.toContain('CLUSTER');
  });

  it('Ctrl-C quits at once with exit code 130 and restores the main screen', async () => {
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo`, { columns: 100, rows: 24, cwd: repoRoot });
    await session.waitFor(/36 clusters/);
    session.send('C-c');
    expect(await session.exitStatus()).toBe(130);
    expect(await session.waitFor('[exited]')).not.toContain('CLUSTER');
  });

  it('shows a refused request on screen and keeps running: a paused cluster gives InvalidClusterState', async () => {
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo`, { columns: 120, rows: 32, cwd: repoRoot });
    await session.waitFor(/36 clusters/);
    session.send('/');
    session.send('analytics-dev', true);
    session.send('Enter');
    await session.waitFor(/analytics-dev\s+paused/);
    session.send('Enter');
    const error = await session.waitFor(/not available|available state|paused/i);
    expect(error).toMatch(/analytics-dev/);
    session.send('q');
    expect(await session.exitStatus()).toBe(0);
  });
});
