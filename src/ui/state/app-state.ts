import { clampCursor, moveCursor, scrollOffset, type CursorMove } from '../../domain/list-window.js';
import {
  initialSelection,
  limitMessage,
  selectAll,
  SELECTION_LIMIT,
  toggleSelection,
  type Selection,
} from '../../domain/selection.js';
import type { CopyMenuState } from './copy-menu-state.js';
import { closedManualEntry, manualEntryReducer, type ManualEntryAction, type ManualEntryState } from './manual-entry-state.js';
import { initialWorkspace, workspaceReducer, type WorkspaceAction, type WorkspaceInit, type WorkspaceState } from './workspace-state.js';
import { appendTyped, FILTER_TEXT_LIMIT } from './typed-text.js';

export type Screen = 'list' | 'token';
export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  tone: NoticeTone;
  /** One or two lines. */
  text: string;
}

export interface AppState {
  screen: Screen;
  helpOpen: boolean;
  filterText: string;
  filterEditing: boolean;
  selection: Selection;
  /** Index into the filtered list. */
  cursor: number;
  offset: number;
  revealed: boolean;
  notice: Notice | null;
  /** The field for typing or pasting cluster IDs (key i, or opened when listing is denied). */
  manual: ManualEntryState;
  /** The copy-as menu (key C on the token screen), when open. */
  copyMenu: CopyMenuState | null;
  /** Profile/region picker, per-target selections, recent clusters, sort, detail pane. */
  workspace: WorkspaceState;
}

export type AppAction =
  | { type: 'move'; move: CursorMove; total: number; height: number }
  | { type: 'toggle'; id: string }
  | { type: 'selectAll'; ids: readonly string[] }
  | { type: 'filterOpen' }
  | { type: 'filterType'; text: string }
  | { type: 'filterBackspace' }
  | { type: 'filterClear' }
  | { type: 'filterKeep' }
  | { type: 'helpOpen' }
  | { type: 'helpClose' }
  | { type: 'showToken' }
  | { type: 'showList' }
  | { type: 'toggleReveal' }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'manual'; action: ManualEntryAction }
  | { type: 'copyMenu'; menu: CopyMenuState | null }
  | { type: 'workspace'; action: WorkspaceAction };

export function createAppState(preselected: readonly string[] = [], workspace?: WorkspaceInit): AppState {
  const { selection, refused } = initialSelection(preselected);
  return {
    screen: 'list',
    helpOpen: false,
    filterText: '',
    filterEditing: false,
    selection,
    cursor: 0,
    offset: 0,
    revealed: false,
    manual: closedManualEntry,
    copyMenu: null,
    workspace: initialWorkspace(workspace),
    notice:
      refused > 0
        ? { tone: 'warning', text: `Preselected the first ${SELECTION_LIMIT} clusters; ${refused} more were left out (the limit is ${SELECTION_LIMIT}).` }
        : null,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function selectAllNotice(added: number, refused: number, matching: number): Notice {
  if (matching === 0) return { tone: 'warning', text: 'No clusters match the filter: nothing to select.' };
  if (refused > 0) {
    const what = added > 0 ? `Selected ${plural(added, 'more cluster')}, then stopped` : 'Nothing more selected';
    return { tone: 'warning', text: `${what}: the limit is ${SELECTION_LIMIT} per token (${refused} matching left unselected).` };
  }
  if (added === 0) return { tone: 'info', text: 'All matching clusters are already selected.' };
  return { tone: 'success', text: `Selected ${plural(added, 'cluster')}.` };
}

function withFilter(state: AppState, filterText: string): AppState {
  if (filterText === state.filterText) return state;
  return { ...state, filterText, cursor: 0, offset: 0 };
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'move': {
      const cursor = moveCursor(clampCursor(state.cursor, action.total), action.move, action.total, action.height);
      return { ...state, cursor, offset: scrollOffset(state.offset, cursor, action.height, action.total) };
    }
    case 'toggle': {
      const change = toggleSelection(state.selection, action.id);
      if (change.refused > 0) return { ...state, notice: { tone: 'warning', text: limitMessage() } };
      return { ...state, selection: change.selection, notice: null };
    }
    case 'selectAll': {
      const change = selectAll(state.selection, action.ids);
      return { ...state, selection: change.selection, notice: selectAllNotice(change.added, change.refused, action.ids.length) };
    }
    case 'filterOpen':
      return { ...state, filterEditing: true, notice: null };
    case 'filterType':
      return withFilter(state, appendTyped(state.filterText, action.text, FILTER_TEXT_LIMIT));
    case 'filterBackspace':
      return withFilter(state, [...state.filterText].slice(0, -1).join(''));
    case 'filterClear':
      return { ...withFilter(state, ''), filterEditing: false };
    case 'filterKeep':
      return { ...state, filterEditing: false };
    case 'helpOpen':
      return { ...state, helpOpen: true };
    case 'helpClose':
      return { ...state, helpOpen: false };
    case 'showToken':
      return { ...state, screen: 'token', revealed: false, notice: null, filterEditing: false, manual: { ...state.manual, open: false }, copyMenu: null };
    case 'showList':
      return { ...state, screen: 'list', revealed: false, notice: null, copyMenu: null };
    case 'toggleReveal':
      return { ...state, revealed: !state.revealed };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'copyMenu':
      return { ...state, copyMenu: action.menu };
    case 'workspace':
      return workspaceReducer(state, action.action);
    case 'manual': {
      const manual = manualEntryReducer(state.manual, action.action);
      return manual === state.manual ? state : { ...state, manual };
    }
  }
}
