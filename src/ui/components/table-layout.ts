import type { Cluster } from '../../domain/cluster.js';
import { cutIndex } from '../../domain/terminal-text.js';

export interface ColumnWidths {
  id: number;
  status: number;
  node: number;
  db: number;
  /** Endpoint host:port, or the AZ; 0 when hidden. */
  place: number;
}

export const MARK_WIDTH = 2;
export const TITLES = { id: 'CLUSTER', status: 'STATUS', node: 'NODES', db: 'DB', place: 'ENDPOINT / AZ' } as const;

/** What a cell shows for a missing value. */
const NONE = '—';
const MIN_PLACE = 12;
const MIN_ID = 4;

export function nodeLabel(cluster: Cluster): string {
  if (!cluster.nodeType) return NONE;
  return `${cluster.nodeType}×${cluster.nodes ?? 1}`;
}

export function placeLabel(cluster: Cluster): string {
  if (cluster.endpoint) return `${cluster.endpoint.address}:${cluster.endpoint.port}`;
  return cluster.az ?? NONE;
}

export function dbLabel(cluster: Cluster): string {
  return cluster.dbName ?? NONE;
}

/** Exactly width characters: cut with … (never inside an escape such as `\x1b`) or padded with spaces. */
export function fitCell(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return `${text.slice(0, cutIndex(text, width - 1))}…`.padEnd(width);
  return text.padEnd(width);
}

function digits(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) return String(n).length;
  let count = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
}

/** nodeLabel(cluster).length, without building the label (widths are measured over every cluster). */
export function nodeLabelLength(cluster: Cluster): number {
  return cluster.nodeType ? cluster.nodeType.length + 1 + digits(cluster.nodes ?? 1) : NONE.length;
}

/** Column widths for a terminal width: the endpoint column goes first, then DB, then node type; the ID shrinks last. */
export function layoutColumns(clusters: readonly Cluster[], width: number): ColumnWidths {
  // One pass that allocates nothing: this runs over the whole list as every page arrives.
  let id = TITLES.id.length;
  let status = TITLES.status.length;
  let node = TITLES.node.length;
  let db = TITLES.db.length;
  for (const c of clusters) {
    if (c.id.length > id) id = c.id.length;
    if (c.status.length > status) status = c.status.length;
    const n = nodeLabelLength(c);
    if (n > node) node = n;
    const d = (c.dbName ?? NONE).length;
    if (d > db) db = d;
  }
  const natural: ColumnWidths = { id: Math.min(id, 40), status: Math.min(status, 16), node: Math.min(node, 20), db: Math.min(db, 16), place: 0 };
  const room = width - MARK_WIDTH;
  const used = (w: ColumnWidths) => w.id + [w.status, w.node, w.db].reduce((sum, n) => sum + (n > 0 ? n + 1 : 0), 0);

  const cols = { ...natural };
  const placeRoom = room - used(cols) - 1;
  if (placeRoom >= MIN_PLACE) return { ...cols, place: placeRoom };
  for (const optional of ['db', 'node'] as const) {
    if (used(cols) <= room) return cols;
    cols[optional] = 0;
  }
  if (used(cols) <= room) return cols;
  cols.id = Math.max(MIN_ID, room - (cols.status + 1));
  if (used(cols) > room) cols.status = Math.max(0, room - cols.id - 1);
  return cols;
}
