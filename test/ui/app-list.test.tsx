import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { FakeApi, makeCluster, makeClusters } from './fakes.js';
import { KEYS, renderApp, type RenderAppOptions } from './render-app.js';
import { waitForFrame, waitForText, waitUntil } from './wait-for-frame.js';

afterEach(() => cleanup());

const selectedIds = (frame: string): string[] => [...frame.matchAll(/^● (\S+)/gmu)].map((m) => m[1] as string);

async function startWith(clusters = makeClusters(5), options: RenderAppOptions = {}) {
  const r = renderApp({ api: new FakeApi([clusters]), ...options });
  await waitForText(r.lastFrame, clusters[0]?.id ?? 'No clusters');
  return r;
}

describe('cluster list', () => {
  it('shows the clusters in columns with header, counter and footer', async () => {
    const clusters = [
      makeCluster('analytics-prod', { nodeType: 'ra3.4xlarge', nodes: 4, dbName: 'warehouse' }),
      makeCluster('etl-new', { status: 'creating', endpoint: undefined, dbName: undefined, az: 'eu-west-1b' }),
    ];
    const r = await startWith(clusters, { context: { profile: 'data-eng', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4510' } });
    const frame = await waitForText(r.lastFrame, '2 clusters');
    expect(frame).toContain('profile data-eng');
    expect(frame).toContain('region eu-west-1');
    expect(frame).toContain('endpoint http://127.0.0.1:4510');
    expect(frame).toContain('0/20');
    expect(frame).toMatch(/○ analytics-prod +available +ra3\.4xlarge×4 +warehouse +analytics-prod\.abc123\.us-east-1\.redshift\.amazona…\n/u);
    expect(frame).toMatch(/○ etl-new +creating +ra3\.xlplus×2 +— +eu-west-1b/u);
    expect(frame).toContain('Space select');
    expect(frame).toContain('q quit');
  });

  it('Space selects the highlighted cluster, arrows and j/k move', async () => {
    const r = await startWith();
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    r.stdin.write(KEYS.down);
    r.stdin.write('j');
    r.stdin.write(KEYS.space);
    r.stdin.write('k');
    r.stdin.write(KEYS.up);
    r.stdin.write(KEYS.space);
    const frame = await waitForFrame(r.lastFrame, (f) => f.includes('1/20') && selectedIds(f).includes('cluster-03'));
    expect(selectedIds(frame)).toEqual(['cluster-03']);
  });

  it('keys typed faster than frames still act on the right row', async () => {
    const r = await startWith(makeClusters(10));
    r.stdin.write(`${KEYS.down}`);
    r.stdin.write(' ');
    r.stdin.write(`${KEYS.down}`);
    r.stdin.write(`${KEYS.down}`);
    r.stdin.write(' ');
    const frame = await waitForText(r.lastFrame, '2/20');
    expect(selectedIds(frame)).toEqual(['cluster-02', 'cluster-04']);
  });

  it('splits keys that arrive in one chunk (key repeat, fast typing) into separate presses', async () => {
    const r = await startWith(makeClusters(10));
    r.stdin.write('jj jj ');
    let frame = await waitForText(r.lastFrame, '2/20');
    expect(selectedIds(frame)).toEqual(['cluster-03', 'cluster-05']);
    r.stdin.write('/07\r ');
    frame = await waitForText(r.lastFrame, '3/20');
    expect(frame).toContain('filter 07');
    expect(selectedIds(frame)).toEqual(['cluster-07']);
  });

  it('refuses the 21st selection with a message that says the limit is 20', async () => {
    const r = await startWith(makeClusters(25));
    for (let i = 0; i < 20; i += 1) {
      r.stdin.write(KEYS.space);
      r.stdin.write(KEYS.down);
    }
    await waitForText(r.lastFrame, '20/20');
    r.stdin.write(KEYS.space);
    const frame = await waitForText(r.lastFrame, 'the limit is 20');
    expect(frame).toContain('Cannot select more than 20 clusters');
    expect(frame).toContain('20/20');
    expect(selectedIds(frame)).not.toContain('cluster-21');
  });

  it('`a` selects every cluster up to the limit and says it stopped there', async () => {
    const r = await startWith(makeClusters(25), { rows: 40 });
    r.stdin.write('a');
    const frame = await waitForText(r.lastFrame, '20/20');
    expect(frame).toContain('then stopped: the limit is 20 per token (5 matching left unselected)');
    expect(selectedIds(frame)).toHaveLength(20);
    expect(selectedIds(frame)).not.toContain('cluster-21');
  });

  it('`a` with a filter selects only the matching clusters', async () => {
    const clusters = [
      makeCluster('fin-prod', { tags: { team: 'Finance' } }),
      makeCluster('fin-dev', { tags: { team: 'finance' } }),
      makeCluster('ops-prod', { tags: { team: 'ops' } }),
    ];
    const r = await startWith(clusters);
    r.stdin.write('/');
    await waitForFrame(r.lastFrame, (f) => f.includes('Enter keep'));
    r.stdin.write('FINANCE');
    await waitForText(r.lastFrame, '2 of 3 match');
    r.stdin.write(KEYS.enter);
    await waitForFrame(r.lastFrame, (f) => f.includes('Space select'));
    r.stdin.write('a');
    await waitForText(r.lastFrame, '2/20');
    r.stdin.write(KEYS.escape);
    const frame = await waitForText(r.lastFrame, '3 clusters');
    expect(selectedIds(frame)).toEqual(['fin-prod', 'fin-dev']);
  });

  it('filters by all terms, case-insensitively, over id, status, node type, DB and tags; the selection survives', async () => {
    const clusters = [
      makeCluster('analytics-prod', { tags: { env: 'prod' } }),
      makeCluster('analytics-dev', { status: 'paused', dbName: 'devdb' }),
      makeCluster('etl-east', { nodeType: 'dc2.large', tags: { region: 'east' } }),
      makeCluster('reporting', { tags: { owner: 'BI-team' } }),
    ];
    const r = await startWith(clusters);
    r.stdin.write(KEYS.down);
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');

    r.stdin.write('/');
    r.stdin.write('Analytics PAUSED');
    let frame = await waitForText(r.lastFrame, '1 of 4 match');
    expect(frame).toContain('● analytics-dev');
    expect(frame).not.toContain('analytics-prod');

    for (let i = 0; i < 'PAUSED'.length; i += 1) r.stdin.write(KEYS.backspace);
    frame = await waitForText(r.lastFrame, '2 of 4 match');
    r.stdin.write('\b');
    r.stdin.write(' prod');
    frame = await waitForText(r.lastFrame, '1 of 4 match');
    expect(frame).toContain('/ Analytics prod');
    expect(frame).toContain('○ analytics-prod');

    r.stdin.write(KEYS.escape);
    frame = await waitForText(r.lastFrame, '4 clusters');
    expect(frame).toContain('/ to filter');
    expect(selectedIds(frame)).toEqual(['analytics-dev']);

    r.stdin.write('/');
    r.stdin.write('dc2 BI');
    frame = await waitForText(r.lastFrame, '0 of 4 match');
    expect(frame).toContain('No clusters match “dc2 BI”');
    expect(frame).toContain('1/20');
  });

  it('renders only the rows that fit the terminal height, scrolling with the cursor', async () => {
    const rows = 12;
    const r = await startWith(makeClusters(100), { rows });
    let frame = await waitForText(r.lastFrame, '100 clusters');
    expect(frame.split('\n').length).toBeLessThan(rows);
    expect(frame).toContain('cluster-07');
    expect(frame).not.toContain('cluster-08');

    r.stdin.write(KEYS.pageDown);
    r.stdin.write(KEYS.space);
    frame = await waitForText(r.lastFrame, '1/20');
    expect(selectedIds(frame)).toEqual(['cluster-08']);
    expect(frame).not.toContain('cluster-01 ');

    r.stdin.write(KEYS.end);
    frame = await waitForText(r.lastFrame, 'cluster-100');
    expect(frame.split('\n').length).toBeLessThan(rows);
    r.stdin.write(KEYS.home);
    frame = await waitForText(r.lastFrame, 'cluster-01 ');
    expect(frame).not.toContain('cluster-100');
  });

  it('stays usable while pages load and shows the progress', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitForText(r.lastFrame, 'Loading clusters…');
    api.feed().page(makeClusters(3, 'first'));
    let frame = await waitForText(r.lastFrame, 'loading… 3 clusters');
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    api.feed().page(makeClusters(2, 'second'));
    frame = await waitForText(r.lastFrame, 'loading… 5 clusters');
    expect(frame).toContain('second-02');
    api.feed().end();
    frame = await waitForFrame(r.lastFrame, (f) => f.includes('5 clusters') && !f.includes('loading…'));
    expect(selectedIds(frame)).toEqual(['first-01']);
  });

  it('keeps a listing error on screen and Ctrl-R reloads', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    api.feed().page([makeCluster('kept')]);
    await waitForText(r.lastFrame, 'kept');
    api.feed().fail(new AppError('service', 'You are not allowed to list clusters.', { hint: 'Ask for redshift:DescribeClusters.' }));
    let frame = await waitForText(r.lastFrame, 'Could not list clusters: You are not allowed to list clusters.');
    expect(frame).toContain('Ask for redshift:DescribeClusters. Ctrl-R reloads the list.');
    expect(frame).toContain('kept');

    r.stdin.write(KEYS.ctrlR);
    await waitUntil(() => api.feeds.length === 2, 'a second listing');
    api.feed().page([makeCluster('fresh')]).end();
    frame = await waitForText(r.lastFrame, 'fresh');
    expect(frame).not.toContain('Could not list');
    expect(frame).not.toContain('kept');
  });

  it('shows "retrying…" while the listing is retried', async () => {
    const api = new FakeApi();
    const r = renderApp({ api });
    await waitUntil(() => api.feeds.length === 1);
    api.feed().opts?.onRetry?.(2, 'Throttling');
    await waitForText(r.lastFrame, 'retrying… (attempt 2: Throttling)');
  });

  it('? opens the help with the keymap entries; any key closes it', async () => {
    const r = await startWith();
    r.stdin.write('?');
    const frame = await waitForText(r.lastFrame, 'any key closes the help');
    for (const text of ['Cluster list', 'select all matching, up to the limit', 'Ctrl-R', 'Token', 'copy the token', 'reveal / hide the full token', 'Everywhere', 'Ctrl-C']) {
      expect(frame).toContain(text);
    }
    expect(frame).toContain('pick profile');
    r.stdin.write('q');
    await waitForText(r.lastFrame, 'Space select');
    expect(r.outcomes).toEqual([]);
  });

  it('q quits through onExit', async () => {
    const r = await startWith();
    r.stdin.write('q');
    await waitUntil(() => r.outcomes.length > 0, 'onExit');
    expect(r.outcomes).toEqual([{ kind: 'quit' }]);
  });

  it('Ctrl-C cancels, even while typing a filter', async () => {
    const r = await startWith();
    r.stdin.write('/');
    r.stdin.write('q');
    await waitForText(r.lastFrame, '/ q');
    expect(r.outcomes).toEqual([]);
    r.stdin.write(KEYS.ctrlC);
    await waitUntil(() => r.outcomes.length > 0, 'onExit');
    expect(r.outcomes).toEqual([{ kind: 'cancel' }]);
  });

  it('preselects the initial selection', async () => {
    const r = await startWith(makeClusters(5), { initialSelection: ['cluster-02', 'cluster-04'] });
    const frame = await waitForText(r.lastFrame, '2/20');
    expect(selectedIds(frame)).toEqual(['cluster-02', 'cluster-04']);
  });
});
