import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/domain/cluster.js';
import { startingClusterListState } from '../../src/ui/state/cluster-list-state.js';
import { FakeApi } from './fakes.js';
import { renderApp } from './render-app.js';
import { waitForFrame } from './wait-for-frame.js';

const cluster = (id: string): Cluster => ({ id, status: 'available', tags: {} });

/**
 * When DescribeClusters answers before the screen is drawn, the screen starts with that page
 * (src/cli/main.ts): the first frame is the list, not "loading…".
 */
describe('a first page taken before the screen', () => {
  it('is in the very first frame with its final count when it was the whole list, and nothing is listed again', () => {
    const api = new FakeApi();
    const { lastFrame, frames } = renderApp({ api, props: { firstPage: { clusters: [cluster('alpha-one'), cluster('beta-two')], complete: true } } });
    expect(frames[0]).toContain('alpha-one');
    expect(frames[0]).toContain('2 clusters');
    expect(frames[0]).not.toContain('loading');
    expect(lastFrame()).toContain('beta-two');
    expect(api.feeds).toHaveLength(0);
  });

  it('is in the first frame while the rest streams in after it, without listing it twice', async () => {
    const api = new FakeApi();
    const { lastFrame, frames } = renderApp({ api, props: { firstPage: { clusters: [cluster('alpha-one')], complete: false } } });
    expect(frames[0]).toContain('alpha-one');
    expect(frames[0]).toContain('loading… 1 clusters');
    expect(api.feeds).toHaveLength(1);
    api.feed().page([cluster('beta-two')]);
    api.feed().end();
    await waitForFrame(lastFrame, (f) => f.includes('2 clusters') && !f.includes('loading'));
    const frame = lastFrame() ?? '';
    expect(frame.match(/alpha-one/g)).toHaveLength(1);
    expect(frame).toContain('beta-two');
  });

  it('a reload lists from the start again', async () => {
    const api = new FakeApi();
    const { lastFrame, stdin } = renderApp({ api, props: { firstPage: { clusters: [cluster('alpha-one')], complete: true } } });
    stdin.write('\u0012'); // Ctrl-R
    await waitForFrame(lastFrame, (f) => f.includes('loading'));
    expect(api.feeds).toHaveLength(1);
    api.feed().page([cluster('gamma-three')]);
    api.feed().end();
    await waitForFrame(lastFrame, (f) => f.includes('gamma-three') && f.includes('1 cluster'));
    expect(lastFrame()).not.toContain('alpha-one');
  });
});

describe('startingClusterListState', () => {
  it('is loading and empty without a first page', () => {
    expect(startingClusterListState()).toMatchObject({ status: 'loading', clusters: [], pages: 0 });
  });
  it('holds the page, loading or loaded as the page says', () => {
    expect(startingClusterListState({ clusters: [cluster('a')], complete: false })).toMatchObject({ status: 'loading', pages: 1, received: 1 });
    expect(startingClusterListState({ clusters: [cluster('a')], complete: true })).toMatchObject({ status: 'loaded', pages: 1, received: 1 });
  });
});
