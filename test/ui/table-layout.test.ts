import { describe, expect, it } from 'vitest';
import { phaseColor, statusColor } from '../../src/ui/components/colors.js';
import { dbLabel, fitCell, layoutColumns, MARK_WIDTH, nodeLabel, nodeLabelLength, placeLabel } from '../../src/ui/components/table-layout.js';
import { makeCluster } from './fakes.js';

const clusters = [
  makeCluster('analytics-prod'),
  makeCluster('etl', { status: 'creating', endpoint: undefined, dbName: undefined, nodeType: 'dc2.large', nodes: 1 }),
];

const rowWidth = (w: ReturnType<typeof layoutColumns>) =>
  MARK_WIDTH + w.id + [w.status, w.node, w.db, w.place].reduce((n, x) => n + (x > 0 ? x + 1 : 0), 0);

describe('layoutColumns', () => {
  it.each([
    { width: 120, shown: ['id', 'status', 'node', 'db', 'place'] },
    { width: 60, shown: ['id', 'status', 'node', 'db', 'place'] },
    { width: 45, shown: ['id', 'status', 'node', 'db'] },
    { width: 40, shown: ['id', 'status', 'node'] },
    { width: 30, shown: ['id', 'status'] },
    { width: 20, shown: ['id', 'status'] },
  ])('at $width columns shows $shown and never overflows', ({ width, shown }) => {
    const w = layoutColumns(clusters, width);
    const visible = Object.entries(w)
      .filter(([, n]) => n > 0)
      .map(([k]) => k);
    expect(visible).toEqual(shown);
    expect(rowWidth(w)).toBeLessThanOrEqual(width);
  });
});

describe('natural widths', () => {
  const odd = [
    makeCluster('a', { nodeType: 'ra3.16xlarge', nodes: 128 }),
    makeCluster('b', { nodeType: 'dc2.large', nodes: undefined }),
    makeCluster('c', { nodeType: undefined, dbName: undefined }),
    makeCluster('d', { nodeType: 'x', nodes: 9 }),
    makeCluster('e', { nodeType: 'x', nodes: 10 }),
    makeCluster('f', { nodeType: 'x', nodes: 1000 }),
    makeCluster('g', { nodeType: 'x', nodes: 999_999_999_999_999 }),
    makeCluster('h', { nodeType: 'x', nodes: -1, dbName: '' }),
    makeCluster('a-very-long-cluster-identifier-that-is-cut-at-forty-chars', { status: 'cancelling-resize', dbName: 'a-database-name-longer-than-sixteen' }),
  ];

  it('nodeLabelLength is the length of nodeLabel', () => {
    for (const c of odd) expect(nodeLabelLength(c), nodeLabel(c)).toBe(nodeLabel(c).length);
  });

  it('are the widest label of each column, capped, whatever the width', () => {
    const widest = (labels: string[], title: string, cap: number) => Math.min(Math.max(title.length, ...labels.map((l) => l.length)), cap);
    const w = layoutColumns(odd, 300);
    expect(w.id).toBe(widest(odd.map((c) => c.id), 'CLUSTER', 40));
    expect(w.status).toBe(widest(odd.map((c) => c.status), 'STATUS', 16));
    expect(w.node).toBe(widest(odd.map(nodeLabel), 'NODES', 20));
    expect(w.db).toBe(widest(odd.map(dbLabel), 'DB', 16));
    expect(layoutColumns([], 120)).toMatchObject({ id: 'CLUSTER'.length, status: 'STATUS'.length, node: 'NODES'.length, db: 'DB'.length });
  });
});

describe('cells', () => {
  it.each([
    ['abc', 5, 'abc  '],
    ['abcdef', 5, 'abcd…'],
    ['abcde', 5, 'abcde'],
    ['abc', 0, ''],
  ])('fitCell(%j, %i) → %j', (text, width, cell) => {
    expect(fitCell(text, width)).toBe(cell);
  });

  it('labels node type × nodes and the endpoint, or the AZ without one', () => {
    expect(nodeLabel(clusters[0]!)).toBe('ra3.xlplus×2');
    expect(placeLabel(clusters[0]!)).toBe('analytics-prod.abc123.us-east-1.redshift.amazonaws.com:5439');
    expect(placeLabel(clusters[1]!)).toBe('us-east-1a');
    expect(nodeLabel(makeCluster('x', { nodeType: undefined }))).toBe('—');
  });
});

describe('colours', () => {
  it.each([
    ['available', 'green'],
    ['paused', 'yellow'],
    ['creating', 'yellow'],
    ['modifying', 'yellow'],
    ['deleting', 'red'],
    ['hardware-failure', 'red'],
    ['incompatible-network', 'red'],
  ])('status %s is %s', (status, color) => {
    expect(statusColor(status)).toBe(color);
  });

  it.each([
    ['ok', 'green'],
    ['warning', 'yellow'],
    ['critical', 'red'],
    ['expired', 'red'],
  ] as const)('phase %s is %s', (phase, color) => {
    expect(phaseColor(phase)).toBe(color);
  });
});
