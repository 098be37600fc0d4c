import { describe, expect, it } from 'vitest';
import { sortClusters, type SortMode } from '../../src/domain/cluster-sort.js';
import type { Cluster } from '../../src/domain/cluster.js';
import { initialClusterListState, type ClusterListState } from '../../src/ui/state/cluster-list-state.js';
import { sortedList } from '../../src/ui/state/sorted-list.js';
import { currentRecent, initialWorkspace } from '../../src/ui/state/workspace-state.js';

const STATUSES = ['available', 'paused', 'creating', 'Available', 'deleting'];

function randomClusters(n: number, seed: number): Cluster[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Duplicate IDs on purpose: ties must keep the listed order, as a stable sort does.
  return Array.from({ length: n }, (_, i) => ({ id: `c-${Math.floor(next() * n * 0.8)}`, status: STATUSES[Math.floor(next() * STATUSES.length)]!, tags: { n: String(i) } }));
}

describe('sortedList while pages stream in', () => {
  it.each(['recent', 'name', 'status'] as const)('%s: each page merged in gives what sorting the whole list gives', (mode: SortMode) => {
    const all = randomClusters(500, mode.length);
    const recent = ['c-7', 'c-3', 'c-250'];
    let list: ClusterListState = initialClusterListState;
    for (let start = 0; start < all.length; start += 37) {
      list = { ...list, clusters: [...list.clusters, ...all.slice(start, start + 37)], pages: list.pages + 1 };
      expect(sortedList(list, mode, recent).clusters).toEqual(sortClusters(list.clusters, mode, recent));
    }
    // A list that is not the last one with clusters added is sorted from scratch.
    const other = { ...list, clusters: all.slice(100, 300) };
    expect(sortedList(other, mode, recent).clusters).toEqual(sortClusters(other.clusters, mode, recent));
  });
});

describe('sortedList between renders', () => {
  it.each([
    ['no target', initialWorkspace({ sort: 'recent' })],
    ['a target with nothing used yet', initialWorkspace({ sort: 'recent', target: { profile: 'p', region: 'eu-west-1' } })],
  ])('with %s, the same list is sorted once, not at every render or key', (_name, workspace) => {
    const list: ClusterListState = { ...initialClusterListState, clusters: randomClusters(200, 3), pages: 2 };
    const first = sortedList(list, 'recent', currentRecent(workspace));
    expect(sortedList(list, 'recent', currentRecent(workspace))).toBe(first);
  });
});
