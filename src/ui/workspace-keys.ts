import type { Key } from 'ink';
import { clampCursor, type CursorMove } from '../domain/list-window.js';
import type { KeyCommands, KeySnapshot } from './key-dispatch.js';
import type { ActionName, KeyScreen } from './keymap.js';
import { visibleItems, type PickerItem, type PickerKind, type WorkspaceAction } from './state/workspace-state.js';

/** What P, R, s, d and a do besides changing UI state. */
export interface WorkspaceCommands {
  /** Opens the picker and loads its entries. */
  openPicker?: (kind: PickerKind) => void;
  /** Switches to the chosen profile or region. */
  choose: (kind: PickerKind, item: PickerItem) => void;
  toggleAutoRefresh: () => void;
  /** Whether the detail pane shows at the side by default (a wide terminal). */
  wide: () => boolean;
}

const PICKER_MOVES: Partial<Record<ActionName, CursorMove>> = {
  pickerUp: 'up',
  pickerDown: 'down',
  pickerPageUp: 'pageUp',
  pickerPageDown: 'pageDown',
};

function choose(s: KeySnapshot, c: KeyCommands): void {
  const picker = s.app.workspace.picker;
  if (!picker || !c.workspace) return;
  const items = visibleItems(picker);
  const item = items[clampCursor(picker.cursor, items.length)];
  if (item) c.workspace.choose(picker.kind, item);
}

function unavailable(c: KeyCommands, what: string): void {
  c.dispatch({ type: 'notice', notice: { tone: 'warning', text: `${what} is not available here (no AWS configuration to switch with, e.g. --demo).` } });
}

/** The workspace keys (issue 7). True when the key was handled here. */
export function performWorkspaceKey(screen: KeyScreen, action: ActionName | undefined, s: KeySnapshot, c: KeyCommands, input: string, key: Key): boolean {
  const ws = (a: WorkspaceAction) => c.dispatch({ type: 'workspace', action: a });
  if (screen === 'picker') {
    const move = action ? PICKER_MOVES[action] : undefined;
    if (move) ws({ type: 'pickerMove', move, height: s.tableHeight });
    else if (action === 'pickerChoose') choose(s, c);
    else if (action === 'pickerClose') ws({ type: 'pickerClose' });
    else if (action === 'pickerBackspace') ws({ type: 'pickerBackspace' });
    else if (action === 'cancel' || action === 'suspend') return false;
    else if (input.length > 0 && !key.ctrl && !key.meta) ws({ type: 'pickerType', text: input });
    return true;
  }
  switch (action) {
    case 'pickProfile':
    case 'pickRegion':
      if (c.workspace?.openPicker && s.app.workspace.target) c.workspace.openPicker(action === 'pickProfile' ? 'profile' : 'region');
      else unavailable(c, action === 'pickProfile' ? 'Switching profiles' : 'Switching regions');
      return true;
    case 'sort':
      ws({ type: 'sortCycle' });
      return true;
    case 'detail':
      ws({ type: 'detailToggle', wide: c.workspace?.wide() ?? false });
      return true;
    case 'autoRefresh':
      c.workspace?.toggleAutoRefresh();
      return true;
    default:
      return false;
  }
}
