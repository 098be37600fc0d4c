import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Cluster } from '../../domain/cluster.js';
import { statusColor } from './colors.js';
import { dbLabel, fitCell, nodeLabel, placeLabel, TITLES, type ColumnWidths } from './table-layout.js';
import { useTint } from '../color-context.js';

interface RowProps {
  cluster: Cluster;
  selected: boolean;
  highlighted: boolean;
  widths: ColumnWidths;
}

function cell(text: string, width: number): string {
  return width > 0 ? ` ${fitCell(text, width)}` : '';
}

const ClusterRow = memo(function ClusterRow({ cluster, selected, highlighted, widths }: RowProps) {
  const tint = useTint();
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
});

export interface ClusterTableProps {
  /** Only the rows that fit: the caller slices the list to the window. */
  rows: readonly Cluster[];
  /** Index of the highlighted row within rows, or -1. */
  highlighted: number;
  selection: readonly string[];
  widths: ColumnWidths;
  empty: string;
}

export const ClusterTable = memo(function ClusterTable({ rows, highlighted, selection, widths, empty }: ClusterTableProps) {
  const selected = new Set(selection);
  return (
    <Box flexDirection="column">
      <Text bold dimColor wrap="truncate">
        {`  ${fitCell(TITLES.id, widths.id)}${cell(TITLES.status, widths.status)}${cell(TITLES.node, widths.node)}${cell(TITLES.db, widths.db)}${cell(TITLES.place, widths.place)}`}
      </Text>
      {rows.length === 0 ? (
        <Text dimColor wrap="truncate">{`  ${empty}`}</Text>
      ) : (
        rows.map((cluster, i) => (
          <ClusterRow key={cluster.id} cluster={cluster} selected={selected.has(cluster.id)} highlighted={i === highlighted} widths={widths} />
        ))
      )}
    </Box>
  );
});
