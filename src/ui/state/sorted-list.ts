import { sortClusters, type SortMode } from '../../domain/cluster-sort.js';
import type { ClusterListState } from './cluster-list-state.js';

interface Cached {
  mode: SortMode;
  recent: readonly string[];
  list: ClusterListState;
}

const cache = new WeakMap<ClusterListState, Cached>();

/**
 * The list in the sort order; the same object for the same inputs, so the view's filter cache and
 * memoised rows keep working. Unsorted ('listed') gives the list itself.
 */
export function sortedList(list: ClusterListState, mode: SortMode, recent: readonly string[]): ClusterListState {
  if (mode === 'listed') return list;
  const hit = cache.get(list);
  if (hit && hit.mode === mode && hit.recent === recent) return hit.list;
  const sorted = { ...list, clusters: sortClusters(list.clusters, mode, recent) };
  cache.set(list, { mode, recent, list: sorted });
  return sorted;
}
