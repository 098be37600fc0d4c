import { Box } from 'ink';
import { memo, useMemo } from 'react';
import type { Cluster } from '../../domain/cluster.js';
import type { ListWindow } from '../../domain/list-window.js';
import type { Clock } from '../clock.js';
import { ClusterTable } from './cluster-table.js';
import { FilterBar } from './filter-bar.js';
import { layoutColumns } from './table-layout.js';

export interface ListScreenProps {
  /** Every cluster loaded; the column widths follow them, so filtering does not shift the columns. */
  all: readonly Cluster[];
  visible: readonly Cluster[];
  window: ListWindow;
  selection: readonly string[];
  filterText: string;
  filterEditing: boolean;
  loading: boolean;
  /** The listing ended with an error (shown below the list): an empty list then says nothing about the account. */
  failed?: boolean;
  clock: Clock;
  width: number;
  /** The sort order for the status line (s cycles it). */
  sortLabel?: string;
}

function emptyText(total: number, loading: boolean, failed: boolean, filterText: string): string {
  if (loading && total === 0) return 'Loading clusters…';
  if (failed && total === 0) return 'No clusters listed.';
  if (total === 0) return 'No clusters in this account and region.';
  return `No clusters match “${filterText}”.`;
}

export const ListScreen = memo(function ListScreen(props: ListScreenProps) {
  const { all, visible, window, selection, filterText, filterEditing, loading, failed = false, clock, width, sortLabel } = props;
  const total = all.length;
  const widths = useMemo(() => layoutColumns(all, width), [all, width]);
  const rows = useMemo(() => visible.slice(window.start, window.end), [visible, window.start, window.end]);
  return (
    <Box flexDirection="column" width={width}>
      <ClusterTable
        rows={rows}
        highlighted={window.cursor - window.start}
        selection={selection}
        widths={widths}
        empty={emptyText(total, loading, failed, filterText)}
      />
      <FilterBar
        text={filterText}
        editing={filterEditing}
        matching={visible.length}
        total={total}
        loading={loading}
        clock={clock}
        width={width}
        sortLabel={sortLabel}
      />
    </Box>
  );
});
