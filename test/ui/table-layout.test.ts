import { describe, expect, it } from 'vitest';
import { phaseColor, statusColor } from '../../src/ui/components/colors.js';
import { fitCell, layoutColumns, MARK_WIDTH, nodeLabel, placeLabel } from '../../src/ui/components/table-layout.js';
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
