import chalk from 'chalk';
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/domain/cluster.js';
import { clusterRowText } from '../../src/ui/components/cluster-table.js';
import { statusColor } from '../../src/ui/components/colors.js';
import { dbLabel, fitCell, layoutColumns, nodeLabel, placeLabel, type ColumnWidths } from '../../src/ui/components/table-layout.js';
import { makeCluster } from './fakes.js';

const previousLevel = chalk.level;
beforeAll(() => {
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = previousLevel;
});
afterEach(() => cleanup());

const cell = (text: string, width: number) => (width > 0 ? ` ${fitCell(text, width)}` : '');

/** The row as nested Ink <Text> elements: what the list drew before rows became one string. */
function NestedRow({ cluster, selected, highlighted, widths, colors }: { cluster: Cluster; selected: boolean; highlighted: boolean; widths: ColumnWidths; colors: boolean }) {
  const tint = <C extends string>(c: C) => (colors ? c : undefined);
  return (
    <Text inverse={highlighted} wrap="truncate">
      <Text color={tint(selected ? 'green' : 'gray')}>{selected ? '● ' : '○ '}</Text>
      <Text bold={selected}>{fitCell(cluster.id, widths.id)}</Text>
      <Text color={tint(statusColor(cluster.status))}>{cell(cluster.status, widths.status)}</Text>
      <Text>{cell(nodeLabel(cluster), widths.node)}</Text>
      <Text>{cell(dbLabel(cluster), widths.db)}</Text>
      <Text dimColor={!highlighted}>{cell(placeLabel(cluster), widths.place)}</Text>
    </Text>
  );
}

const clusters = [
  makeCluster('analytics-prod'),
  makeCluster('etl', { status: 'creating', endpoint: undefined, dbName: undefined, nodeType: 'dc2.large', nodes: 1 }),
  makeCluster('a-very-long-cluster-identifier-that-will-not-fit-anywhere-at-all', { status: 'incompatible-network' }),
  makeCluster('x', { status: 'paused', nodeType: undefined }),
];

describe('clusterRowText', () => {
  const cases = [120, 60, 40, 24].flatMap((width) =>
    clusters.flatMap((cluster) =>
      [false, true].flatMap((selected) =>
        [false, true].flatMap((highlighted) => [false, true].map((colors) => ({ width, cluster, selected, highlighted, colors }))),
      ),
    ),
  );

  it(`draws exactly what nested <Text> elements drew (${cases.length} rows: widths, selection, highlight, colour)`, () => {
    let coloured = 0;
    for (const { width, cluster, selected, highlighted, colors } of cases) {
      const widths = layoutColumns(clusters, width);
      const nested = render(<NestedRow cluster={cluster} selected={selected} highlighted={highlighted} widths={widths} colors={colors} />);
      const expected = nested.lastFrame();
      nested.unmount();
      const flat = render(
        <Text inverse={highlighted} wrap="truncate">
          {clusterRowText(cluster, selected, highlighted, widths, colors)}
        </Text>,
      );
      expect(flat.lastFrame(), `${cluster.id} at ${width} columns, selected ${selected}, highlighted ${highlighted}, colours ${colors}`).toBe(expected);
      flat.unmount();
      if (colors && /\u001B\[3\dm/u.test(expected ?? '')) coloured++;
    }
    // The comparison is of styled frames: every row drawn with colours on holds colour codes.
    expect(coloured).toBe(cases.filter((c) => c.colors).length);
  });
});
