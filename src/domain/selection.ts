import { MAX_CLUSTER_IDS } from './cluster-ids.js';

export const SELECTION_LIMIT = MAX_CLUSTER_IDS;

/** Selected cluster IDs in the order they were picked; no duplicates. */
export type Selection = readonly string[];

export interface SelectionChange {
  selection: Selection;
  added: number;
  removed: number;
  /** How many wanted clusters were left out because the limit was reached. */
  refused: number;
}

export function limitMessage(limit: number = SELECTION_LIMIT): string {
  return `Cannot select more than ${limit} clusters: the limit is ${limit} per token. Unselect one first.`;
}

export function isSelected(selection: Selection, id: string): boolean {
  return selection.includes(id);
}

/** Unique IDs, cut at the limit; for a selection given from outside (command line, memory). */
export function initialSelection(ids: readonly string[], limit: number = SELECTION_LIMIT): SelectionChange {
  const unique = [...new Set(ids)];
  const selection = unique.slice(0, limit);
  return { selection, added: selection.length, removed: 0, refused: unique.length - selection.length };
}

export function toggleSelection(selection: Selection, id: string, limit: number = SELECTION_LIMIT): SelectionChange {
  if (isSelected(selection, id)) {
    return { selection: selection.filter((s) => s !== id), added: 0, removed: 1, refused: 0 };
  }
  if (selection.length >= limit) return { selection, added: 0, removed: 0, refused: 1 };
  return { selection: [...selection, id], added: 1, removed: 0, refused: 0 };
}

/** Adds every ID not yet selected, in order, until the limit; the rest are counted as refused. */
export function selectAll(selection: Selection, ids: readonly string[], limit: number = SELECTION_LIMIT): SelectionChange {
  const next = [...selection];
  const present = new Set(selection);
  let refused = 0;
  for (const id of ids) {
    if (present.has(id)) continue;
    if (next.length >= limit) {
      refused += 1;
      continue;
    }
    next.push(id);
    present.add(id);
  }
  const added = next.length - selection.length;
  return { selection: added === 0 ? selection : next, added, removed: 0, refused };
}
