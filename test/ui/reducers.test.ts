import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { appReducer, createAppState, type AppAction, type AppState } from '../../src/ui/state/app-state.js';
import { clusterListReducer, initialClusterListState, type ClusterListAction } from '../../src/ui/state/cluster-list-state.js';
import { initialTokenState, tokenReducer, type TokenAction } from '../../src/ui/state/token-state.js';
import { makeCluster, makeClusters } from './fakes.js';

const run = <S, A>(reducer: (s: S, a: A) => S, initial: S, actions: A[]): S => actions.reduce(reducer, initial);
const app = (actions: AppAction[], initial: AppState = createAppState()) => run(appReducer, initial, actions);
const ids = (n: number) => makeClusters(n).map((c) => c.id);

describe('appReducer', () => {
  it('toggles and refuses the 21st with the limit in the notice', () => {
    const full = app(ids(20).map((id) => ({ type: 'toggle', id })));
    expect(full.selection).toHaveLength(20);
    const refused = appReducer(full, { type: 'toggle', id: 'one-more' });
    expect(refused.selection).toBe(full.selection);
    expect(refused.notice).toEqual({ tone: 'warning', text: expect.stringContaining('the limit is 20') });
    expect(appReducer(refused, { type: 'toggle', id: 'cluster-01' }).notice).toBeNull();
  });

  it.each([
    { matching: 5, before: 0, text: 'Selected 5 clusters.', tone: 'success' },
    { matching: 25, before: 0, text: 'Selected 20 more clusters, then stopped: the limit is 20 per token (5 matching left unselected).', tone: 'warning' },
    { matching: 0, before: 0, text: 'No clusters match the filter: nothing to select.', tone: 'warning' },
  ])('select all of $matching: $text', ({ matching, text, tone }) => {
    const state = app([{ type: 'selectAll', ids: ids(matching) }]);
    expect(state.notice).toEqual({ tone, text });
  });

  it('select all when already full says nothing more was selected', () => {
    const state = app([{ type: 'selectAll', ids: ids(20) }, { type: 'selectAll', ids: makeClusters(3, 'x').map((c) => c.id) }]);
    expect(state.selection).toHaveLength(20);
    expect(state.notice?.text).toContain('Nothing more selected');
  });

  it('edits the filter: typing, paste, backspace, clear, keep', () => {
    let state = app([{ type: 'filterOpen' }, { type: 'filterType', text: 'pro' }, { type: 'filterType', text: 'd\neast' }]);
    expect(state).toMatchObject({ filterText: 'prod east', filterEditing: true });
    state = appReducer(state, { type: 'filterBackspace' });
    expect(state.filterText).toBe('prod eas');
    expect(appReducer(state, { type: 'filterKeep' })).toMatchObject({ filterText: 'prod eas', filterEditing: false });
    expect(appReducer(state, { type: 'filterClear' })).toMatchObject({ filterText: '', filterEditing: false });
  });

  it('caps the filter and the pickers\' filter at 256 characters, as the i field is capped at 4096', () => {
    const long = 'ab'.repeat(400);
    const filtered = app([{ type: 'filterOpen' }, { type: 'filterType', text: long }, { type: 'filterType', text: 'more' }]);
    expect(filtered.filterText).toBe(long.slice(0, 256));
    const picker = app([
      { type: 'workspace', action: { type: 'pickerOpen', kind: 'region' } },
      { type: 'workspace', action: { type: 'pickerType', text: long } },
    ]);
    expect(picker.workspace.picker?.filter).toBe(long.slice(0, 256));
    // never half of a surrogate pair at the cut
    const emoji = app([{ type: 'filterType', text: `${'x'.repeat(255)}🙂` }]);
    expect(emoji.filterText).toBe('x'.repeat(255));
  });

  it('a changed filter puts the cursor back on the first row', () => {
    const moved = app([{ type: 'move', move: 'end', total: 50, height: 10 }]);
    expect(moved).toMatchObject({ cursor: 49, offset: 40 });
    expect(appReducer(moved, { type: 'filterType', text: 'x' })).toMatchObject({ cursor: 0, offset: 0 });
  });

  it('moves keep the cursor in the window', () => {
    const state = app([
      { type: 'move', move: 'pageDown', total: 50, height: 10 },
      { type: 'move', move: 'pageDown', total: 50, height: 10 },
      { type: 'move', move: 'up', total: 50, height: 10 },
    ]);
    expect(state).toMatchObject({ cursor: 19, offset: 11 });
  });

  it('preselects at most 20 and says so', () => {
    const state = createAppState(ids(22));
    expect(state.selection).toHaveLength(20);
    expect(state.notice?.text).toContain('the limit is 20');
  });

  it('switching screens hides the token again and keeps the selection', () => {
    const state = app([{ type: 'toggle', id: 'a' }, { type: 'showToken' }, { type: 'toggleReveal' }]);
    expect(state).toMatchObject({ screen: 'token', revealed: true });
    expect(appReducer(state, { type: 'showList' })).toMatchObject({ screen: 'list', revealed: false, selection: ['a'] });
  });
});

describe('clusterListReducer', () => {
  const page1 = makeClusters(3, 'a');
  const page2 = makeClusters(2, 'b');

  it('appends pages and counts them', () => {
    const state = run<typeof initialClusterListState, ClusterListAction>(clusterListReducer, initialClusterListState, [
      { type: 'start' },
      { type: 'page', clusters: page1 },
      { type: 'page', clusters: page2 },
      { type: 'done' },
    ]);
    expect(state).toMatchObject({ status: 'loaded', received: 5, pages: 2 });
    expect(state.clusters.map((c) => c.id)).toEqual([...page1, ...page2].map((c) => c.id));
  });

  it('a reload keeps the old rows until its first page, then replaces them', () => {
    const loaded = run(clusterListReducer, initialClusterListState, [{ type: 'page', clusters: page1 }, { type: 'done' }] as ClusterListAction[]);
    const reloading = clusterListReducer(loaded, { type: 'start' });
    expect(reloading.clusters).toBe(loaded.clusters);
    expect(clusterListReducer(reloading, { type: 'page', clusters: page2 }).clusters).toEqual(page2);
  });

  it('a failure keeps what was loaded and the error', () => {
    const error = new AppError('service', 'Access denied');
    const state = run(clusterListReducer, initialClusterListState, [
      { type: 'page', clusters: [makeCluster('x')] },
      { type: 'retrying', retry: { attempt: 2, reason: 'Throttling' } },
      { type: 'failed', error },
    ] as ClusterListAction[]);
    expect(state).toMatchObject({ status: 'failed', error, retry: null });
    expect(state.clusters).toHaveLength(1);
  });
});

describe('tokenReducer', () => {
  const token = { token: 'T1', expiresAt: new Date(1) };
  const error = new AppError('service', 'boom');

  it('a failed refresh keeps the last good token and its clusters', () => {
    const state = run<typeof initialTokenState, TokenAction>(tokenReducer, initialTokenState, [
      { type: 'request', ids: ['a'] },
      { type: 'succeeded', token },
      { type: 'request', ids: ['a'] },
      { type: 'retrying', retry: { attempt: 2, reason: 'Throttling' } },
      { type: 'failed', error },
    ]);
    expect(state).toMatchObject({ status: 'failed', token, clusterIds: ['a'], error, retry: null });
    expect(tokenReducer(state, { type: 'dismissError' })).toMatchObject({ status: 'ready', error: null, token });
  });

  it('a token is for the clusters of the request that got it', () => {
    const state = run<typeof initialTokenState, TokenAction>(tokenReducer, initialTokenState, [
      { type: 'request', ids: ['a', 'b'] },
      { type: 'succeeded', token },
      { type: 'request', ids: ['c'] },
    ]);
    expect(state).toMatchObject({ status: 'requesting', clusterIds: ['a', 'b'], pendingIds: ['c'] });
    expect(tokenReducer(state, { type: 'cancelled' })).toMatchObject({ status: 'ready' });
  });

  it('cancel without a token goes back to idle', () => {
    const state = tokenReducer(tokenReducer(initialTokenState, { type: 'request', ids: ['a'] }), { type: 'cancelled' });
    expect(state.status).toBe('idle');
  });
});
