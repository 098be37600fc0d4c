import type { Cluster } from './cluster.js';

/** listed: the order DescribeClusters gave (the demo starts so); s cycles recent → name → status. */
export type SortMode = 'listed' | 'recent' | 'name' | 'status';
export const SORT_MODES: readonly SortMode[] = ['recent', 'name', 'status'];

export function nextSortMode(mode: SortMode): SortMode {
  return SORT_MODES[(SORT_MODES.indexOf(mode) + 1) % SORT_MODES.length] as SortMode;
}

export const SORT_LABELS: Record<SortMode, string> = { listed: 'as listed', recent: 'recent', name: 'name', status: 'status' };

/** Usable first: available, then those on their way, then the rest alphabetically. */
const STATUS_ORDER = ['available', 'modifying', 'resizing', 'rebooting', 'renaming', 'creating', 'resuming', 'pausing', 'paused'];

function statusRank(status: string): number {
  const i = STATUS_ORDER.indexOf(status.toLowerCase());
  return i === -1 ? STATUS_ORDER.length : i;
}

const byName = (a: Cluster, b: Cluster): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The order of a mode other than listed, as a comparator (Array.prototype.sort is stable: ties keep the listed order). */
export function clusterComparator(mode: Exclude<SortMode, 'listed'>, recent: readonly string[] = []): (a: Cluster, b: Cluster) => number {
  if (mode === 'name') return byName;
  if (mode === 'status') return (a, b) => statusRank(a.status) - statusRank(b.status) || a.status.localeCompare(b.status) || byName(a, b);
  const rank = new Map(recent.map((id, i) => [id, i]));
  return (a, b) => {
    const ra = rank.get(a.id);
    const rb = rank.get(b.id);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return byName(a, b);
  };
}

/**
 * A new array in the order of the mode. recent: the recently used IDs first (most recent first),
 * then the rest by name. name: by ID. status: usable first, then by name.
 */
export function sortClusters(clusters: readonly Cluster[], mode: SortMode, recent: readonly string[] = []): readonly Cluster[] {
  if (mode === 'listed') return clusters;
  return [...clusters].sort(clusterComparator(mode, recent));
}

/** Most recent first, without duplicates, at most max IDs. */
export function pushRecent(recent: readonly string[], used: readonly string[], max = 50): string[] {
  const usedSet = new Set(used);
  return [...used, ...recent.filter((id) => !usedSet.has(id))].slice(0, max);
}
