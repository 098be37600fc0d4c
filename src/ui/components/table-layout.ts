import type { Cluster } from '../../domain/cluster.js';

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

const MIN_PLACE = 12;
const MIN_ID = 4;

export function nodeLabel(cluster: Cluster): string {
  if (!cluster.nodeType) return '—';
  return `${cluster.nodeType}×${cluster.nodes ?? 1}`;
}

export function placeLabel(cluster: Cluster): string {
  if (cluster.endpoint) return `${cluster.endpoint.address}:${cluster.endpoint.port}`;
  return cluster.az ?? '—';
}

export function dbLabel(cluster: Cluster): string {
  return cluster.dbName ?? '—';
}

/** Exactly width characters: cut with … or padded with spaces. */
export function fitCell(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return `${text.slice(0, width - 1)}…`;
  return text.padEnd(width);
}

function widest(values: Iterable<string>, title: string, cap: number): number {
  let max = title.length;
  for (const v of values) if (v.length > max) max = v.length;
  return Math.min(max, cap);
}

/** Column widths for a terminal width: the endpoint column goes first, then DB, then node type; the ID shrinks last. */
export function layoutColumns(clusters: readonly Cluster[], width: number): ColumnWidths {
  const natural: ColumnWidths = {
    id: widest(clusters.map((c) => c.id), TITLES.id, 40),
    status: widest(clusters.map((c) => c.status), TITLES.status, 16),
    node: widest(clusters.map(nodeLabel), TITLES.node, 20),
    db: widest(clusters.map(dbLabel), TITLES.db, 16),
    place: 0,
  };
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
