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

describe('clusterRowText with hostile cells', () => {
  const evil = makeCluster('evil\u001b]52;c;ZXZpbA==\u0007', {
    status: 'available\r\u009b2K',
    nodeType: 'ra3\b\b',
    dbName: 'dev\u001b]8;;https://x\u0007',
    endpoint: { address: 'h\u202eost', port: 5439 },
  });
  const NOT_SGR = /[\u0000-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\u001b(?!\[[0-9;]*m)/u;

  it.each([false, true])('holds no escape code but our SGR, and the cells are escaped (colours %s)', (colors) => {
    const widths = layoutColumns([evil], 200);
    const row = clusterRowText(evil, true, false, { ...widths, id: 30, status: 16, node: 12, db: 30 }, colors);
    expect(row).not.toMatch(NOT_SGR);
    const plain = row.replace(/\u001b\[[0-9;]*m/gu, '');
    expect(plain).toContain('evil\\x1b]52;c;ZXZpbA==\\x07');
    expect(plain).toContain('available\\x0d… '); // cut after the escape, not inside the next one
    expect(plain).toContain('ra3\\x08\\x08');
    expect(plain).toContain('dev\\x1b]8;;https://x\\x07');
    expect(plain).toContain('h\\u202eost:5439');
    // our own styles are still there: bold for the selected ID, green for the mark
    if (colors) expect(row).toContain(chalk.green('● '));
    expect(row).toContain(chalk.bold('evil\\x1b]52;c;ZXZpbA==\\x07'.padEnd(30)));
  });

  it.each([5, 6, 7, 8, 9, 10])('a cut never splits an escape (ID column %i wide)', (width) => {
    const widths = { id: width, status: 0, node: 0, db: 0, place: 0 };
    const plain = clusterRowText(makeCluster('ab\u001bcdef'), false, true, widths, false);
    // 'ab\x1bcdef': the cut keeps \x1b whole or leaves it out
    expect(plain.slice(2)).toMatch(/^ab(?:\\x1b[a-z]*)?…? *$/u);
    expect(plain.slice(2)).toHaveLength(width);
  });

  it('a row given to the screen with a raw escape (a cell that skipped the sanitiser) shows it escaped, keeping the SGR', async () => {
    const { StyledText } = await import('../../src/ui/components/safe-text.js');
    const r = render(<StyledText>{`${chalk.green('ok')} \u001b]52;c;QQ==\u0007 \u009b2J`}</StyledText>);
    const frame = r.lastFrame() ?? '';
    expect(frame).toContain(chalk.green('ok'));
    expect(frame).toContain('\\x1b]52;c;QQ==\\x07 \\x9b2J');
    expect(frame.replace(/\u001b\[[0-9;]*m/gu, '')).not.toMatch(NOT_SGR);
  });
});
