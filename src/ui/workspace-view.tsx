import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { Cluster } from '../domain/cluster.js';
import { DETAIL_BELOW_LINES, DetailBelow, DetailSide, SIDE_WIDTH, WIDE_COLUMNS } from './components/detail-pane.js';
import type { AppState } from './state/app-state.js';

export type DetailLayout = 'side' | 'below' | 'none';

/** Rows the table needs at least before the pane below it is worth showing. */
const MIN_TABLE_ROWS = 3;

/**
 * Where the cluster detail pane goes: at the side on a wide terminal (d hides it), below the table
 * on a narrow one after d, and nowhere while the picker or the ID field covers the list, or when
 * the rows would not leave room for the table.
 */
export function detailLayout(app: AppState, columns: number, rows: number): DetailLayout {
  if (app.screen !== 'list' || app.workspace.picker || app.manual.open || app.helpOpen) return 'none';
  const wide = columns >= WIDE_COLUMNS;
  const shown = app.workspace.detail ?? wide;
  if (!shown) return 'none';
  if (wide) return 'side';
  // header, footer, spare, column titles, filter line and the pane
  return rows - 5 - DETAIL_BELOW_LINES >= MIN_TABLE_ROWS ? 'below' : 'none';
}

/** The terminal rows the list view may plan with: less the pane when it sits below the table. */
export function listRows(layout: DetailLayout, rows: number): number {
  return layout === 'below' ? rows - DETAIL_BELOW_LINES : rows;
}

/** The list's width next to the side pane. */
export function listWidth(layout: DetailLayout, columns: number): number {
  return layout === 'side' ? columns - SIDE_WIDTH : columns;
}

/** The list screen with the detail pane in its place. height = the list's own lines (table + titles + filter). */
export function WithDetail({ layout, list, cluster, columns, height }: { layout: DetailLayout; list: ReactNode; cluster: Cluster | undefined; columns: number; height: number }) {
  if (layout === 'side') {
    return (
      <Box width={columns}>
        {list}
        <DetailSide cluster={cluster} width={SIDE_WIDTH} height={height} />
      </Box>
    );
  }
  if (layout === 'below') {
    return (
      <Box flexDirection="column" width={columns}>
        {list}
        <DetailBelow cluster={cluster} width={columns} />
      </Box>
    );
  }
  return <>{list}</>;
}

function fieldLength(name: string, value: string | undefined): number {
  return value ? name.length + value.length + 3 : 0;
}

/** Columns left on the header line after the name, profile, region and the selection counter. */
export function identityRoom(columns: number, context: { profile?: string; region?: string }): number {
  return columns - 'idc-tui'.length - fieldLength('profile', context.profile) - fieldLength('region', context.region) - 9;
}
