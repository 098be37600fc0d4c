import type { AwsTarget } from '../../aws/workspace-types.js';
import { clampCursor, moveCursor, scrollOffset, type CursorMove } from '../../domain/list-window.js';
import { nextSortMode, pushRecent, type SortMode } from '../../domain/cluster-sort.js';
import { DEFAULT_AUTO_REFRESH_MINUTES } from '../../domain/auto-refresh.js';
import { filterTerms } from '../../domain/filter.js';
import { MAX_RECENT, targetKey, type Remembered, type RememberedClusters } from '../../domain/memory.js';
import { initialSelection, type Selection } from '../../domain/selection.js';
import type { AppState } from './app-state.js';
import { appendTyped, FILTER_TEXT_LIMIT } from './typed-text.js';

/** Profile / region picker, per-target selections, recent clusters, sort, detail pane, auto-refresh. */

export type PickerKind = 'profile' | 'region';

export interface PickerItem {
  value: string;
  label: string;
  /** Dimmed text after the label (region, kind of credentials…); also searched by the filter. */
  detail?: string;
  /** A profile's own region: choosing the profile moves there. */
  region?: string;
  current?: boolean;
}

export interface PickerState {
  kind: PickerKind;
  /** null while loading. */
  items: readonly PickerItem[] | null;
  error: string | null;
  filter: string;
  /** Index into the filtered items. */
  cursor: number;
  offset: number;
}

export interface AutoRefreshStatus {
  enabled: boolean;
  beforeMs: number;
  /** Local time of the last automatic refresh that worked. */
  lastAt: number | null;
  /** The last automatic refresh that failed, since the last success. */
  failure: { at: number; text: string } | null;
  /** No new try before this (after a failure). */
  notBefore: number | null;
}

export interface WorkspaceState {
  /** Where the list comes from; null when the app was started without one (no switching). */
  target: AwsTarget | null;
  /** Selections of the other profile+region pairs, by targetKey. */
  saved: Readonly<Record<string, Selection>>;
  /** Recently used clusters (a token was received for them), by targetKey, most recent first. */
  recent: Readonly<Record<string, readonly string[]>>;
  sort: SortMode;
  /** The detail pane: null = automatic (at the side when the terminal is wide). */
  detail: boolean | null;
  picker: PickerState | null;
}

export interface WorkspaceInit {
  target?: AwsTarget;
  remembered?: Remembered;
  sort?: SortMode;
}

export type WorkspaceAction =
  | { type: 'pickerOpen'; kind: PickerKind }
  | { type: 'pickerItems'; kind: PickerKind; items: readonly PickerItem[] }
  | { type: 'pickerFailed'; kind: PickerKind; error: string }
  | { type: 'pickerType'; text: string }
  | { type: 'pickerBackspace' }
  | { type: 'pickerMove'; move: CursorMove; height: number }
  | { type: 'pickerClose' }
  | { type: 'switchTarget'; target: AwsTarget }
  | { type: 'sortCycle' }
  | { type: 'detailToggle'; wide: boolean }
  | { type: 'used'; ids: readonly string[] };

export function initialWorkspace(init: WorkspaceInit = {}): WorkspaceState {
  const saved: Record<string, Selection> = {};
  const recent: Record<string, readonly string[]> = {};
  for (const [key, entry] of Object.entries(init.remembered?.targets ?? {})) {
    if (entry.selection.length > 0) saved[key] = entry.selection;
    if (entry.recent.length > 0) recent[key] = entry.recent;
  }
  return { target: init.target ?? null, saved, recent, sort: init.sort ?? 'listed', detail: null, picker: null };
}

const NO_RECENT: readonly string[] = [];

/** The same array while nothing changes: the sorted list is cached by it. */
export function currentRecent(workspace: WorkspaceState): readonly string[] {
  return workspace.target ? (workspace.recent[targetKey(workspace.target)] ?? NO_RECENT) : NO_RECENT;
}

const NO_ITEMS: readonly PickerItem[] = [];

/** The picker's items that match its filter: every term in the label or the detail. */
export function visibleItems(picker: PickerState): readonly PickerItem[] {
  const items = picker.items ?? NO_ITEMS;
  const terms = filterTerms(picker.filter);
  if (terms.length === 0) return items;
  return items.filter((item) => {
    const text = `${item.label} ${item.detail ?? ''}`.toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}

function withPicker(state: AppState, picker: PickerState | null): AppState {
  return { ...state, workspace: { ...state.workspace, picker } };
}


function currentIndex(items: readonly PickerItem[]): number {
  return Math.max(0, items.findIndex((item) => item.current));
}

function switchTarget(state: AppState, target: AwsTarget): AppState {
  const { workspace } = state;
  const saved = { ...workspace.saved };
  if (workspace.target) saved[targetKey(workspace.target)] = state.selection;
  const key = targetKey(target);
  const { selection } = initialSelection(saved[key] ?? []);
  delete saved[key];
  return {
    ...state,
    selection,
    cursor: 0,
    offset: 0,
    filterText: '',
    filterEditing: false,
    notice: null,
    workspace: { ...workspace, target, saved, picker: null },
  };
}

/** The reducer of the actions above; it sees the whole AppState because switching swaps the selection. */
export function workspaceReducer(state: AppState, action: WorkspaceAction): AppState {
  const { workspace } = state;
  const picker = workspace.picker;
  switch (action.type) {
    case 'pickerOpen':
      return { ...withPicker(state, { kind: action.kind, items: null, error: null, filter: '', cursor: 0, offset: 0 }), notice: null, filterEditing: false };
    case 'pickerItems':
      if (picker?.kind !== action.kind) return state;
      return withPicker(state, { ...picker, items: action.items, error: null, cursor: currentIndex(action.items), offset: 0 });
    case 'pickerFailed':
      if (picker?.kind !== action.kind) return state;
      return withPicker(state, { ...picker, items: [], error: action.error });
    case 'pickerType':
      if (!picker) return state;
      return withPicker(state, { ...picker, filter: appendTyped(picker.filter, action.text, FILTER_TEXT_LIMIT), cursor: 0, offset: 0 });
    case 'pickerBackspace':
      if (!picker) return state;
      return withPicker(state, { ...picker, filter: [...picker.filter].slice(0, -1).join(''), cursor: 0, offset: 0 });
    case 'pickerMove': {
      if (!picker) return state;
      const total = visibleItems(picker).length;
      const cursor = moveCursor(clampCursor(picker.cursor, total), action.move, total, action.height);
      return withPicker(state, { ...picker, cursor, offset: scrollOffset(picker.offset, cursor, action.height, total) });
    }
    case 'pickerClose':
      return picker ? withPicker(state, null) : state;
    case 'switchTarget':
      return switchTarget(state, action.target);
    case 'sortCycle':
      return { ...state, cursor: 0, offset: 0, workspace: { ...workspace, sort: nextSortMode(workspace.sort) } };
    case 'detailToggle': {
      const shown = workspace.detail ?? action.wide;
      return { ...state, workspace: { ...workspace, detail: !shown } };
    }
    case 'used': {
      if (!workspace.target || action.ids.length === 0) return state;
      const key = targetKey(workspace.target);
      const recent = pushRecent(workspace.recent[key] ?? [], action.ids, MAX_RECENT);
      return { ...state, workspace: { ...workspace, recent: { ...workspace.recent, [key]: recent } } };
    }
  }
}

/** What to write to the memory file: the last target and, per target, selection and recent clusters. */
export function rememberedFrom(state: AppState): Remembered {
  const { workspace } = state;
  const current = workspace.target ? targetKey(workspace.target) : undefined;
  const keys = new Set([...Object.keys(workspace.saved), ...Object.keys(workspace.recent), ...(current ? [current] : [])]);
  const targets: Record<string, RememberedClusters> = {};
  for (const key of keys) {
    const selection = key === current ? state.selection : (workspace.saved[key] ?? []);
    targets[key] = { selection: [...selection], recent: [...(workspace.recent[key] ?? [])] };
  }
  return workspace.target ? { last: { ...workspace.target }, targets } : { targets };
}

export const DEFAULT_AUTO_REFRESH_MS = DEFAULT_AUTO_REFRESH_MINUTES * 60_000;
