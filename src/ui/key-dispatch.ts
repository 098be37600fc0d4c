import type { Key } from 'ink';
import type { Cluster } from '../domain/cluster.js';
import { validateClusterIds } from '../domain/cluster-ids.js';
import type { CursorMove } from '../domain/list-window.js';
import { clampCursor } from '../domain/list-window.js';
import { matchAction, type ActionName, type KeyScreen } from './keymap.js';
import type { AppOutcome } from './outcome.js';
import type { AppAction, AppState, Screen } from './state/app-state.js';
import type { TokenState } from './state/token-state.js';
import { openManualEntry, manualBack, submitManualEntry } from './manual-entry-keys.js';
import type { CopyFormat } from '../domain/copy-formats.js';
import { performClipboardKey } from './copy-menu-keys.js';
import { performWorkspaceKey, type WorkspaceCommands } from './workspace-keys.js';

/** What a key press sees: the state of the last commit. */
export interface KeySnapshot {
  app: AppState;
  visible: readonly Cluster[];
  tableHeight: number;
  token: TokenState;
}

/** What a key press can do besides changing UI state. */
export interface KeyCommands {
  dispatch: (action: AppAction) => void;
  requestToken: (ids: readonly string[], from: Screen) => void;
  cancelToken: () => void;
  dismissTokenError: () => void;
  reload: () => void;
  copy: () => void;
  /** Copies the token in a format; clusterId picks the endpoint for the JDBC URL and the snippet. */
  copyAs: (format: CopyFormat, clusterId: string | undefined) => void;
  clearClipboard: () => void;
  finish: (outcome: AppOutcome) => void;
  /** Ctrl-Z: hands the terminal back to the shell until fg; absent where that cannot be done. */
  suspend?: () => void;
  /** Profile / region switching and auto-refresh; absent = those keys say they are not available. */
  workspace?: WorkspaceCommands;
}

export function keyScreen(app: AppState): KeyScreen {
  if (app.helpOpen) return 'help';
  if (app.copyMenu && app.screen === 'token') return 'copyMenu';
  if (app.workspace.picker && app.screen === 'list') return 'picker';
  if (app.manual.open && app.screen === 'list') return 'manual';
  if (app.filterEditing) return 'filter';
  return app.screen;
}

export function highlightedCluster(s: KeySnapshot): Cluster | undefined {
  return s.visible[clampCursor(s.app.cursor, s.visible.length)];
}

const MOVES: Partial<Record<ActionName, CursorMove>> = {
  cursorUp: 'up',
  cursorDown: 'down',
  pageUp: 'pageUp',
  pageDown: 'pageDown',
  home: 'home',
  end: 'end',
};

function requestFromList(s: KeySnapshot, c: KeyCommands): void {
  if (s.token.status === 'requesting') return;
  const highlighted = highlightedCluster(s);
  const ids = s.app.selection.length > 0 ? s.app.selection : highlighted ? [highlighted.id] : [];
  if (ids.length === 0) {
    c.dispatch({ type: 'notice', notice: { tone: 'warning', text: 'No cluster to get a token for: the list is empty.' } });
    return;
  }
  const invalid = validateClusterIds(ids);
  if (invalid) {
    c.dispatch({ type: 'notice', notice: { tone: 'error', text: invalid.userText } });
    return;
  }
  c.dispatch({ type: 'notice', notice: null });
  c.requestToken(ids, 'list');
}

function escapeOnList(s: KeySnapshot, c: KeyCommands): void {
  if (s.token.status === 'requesting') c.cancelToken();
  else if (s.app.filterText) c.dispatch({ type: 'filterClear' });
  else if (s.token.status === 'failed') c.dismissTokenError();
  else c.dispatch({ type: 'notice', notice: null });
}

function perform(action: ActionName, s: KeySnapshot, c: KeyCommands): void {
  const move = MOVES[action];
  if (move) {
    c.dispatch({ type: 'move', move, total: s.visible.length, height: s.tableHeight });
    return;
  }
  switch (action) {
    case 'toggle': {
      const cluster = highlightedCluster(s);
      if (cluster) c.dispatch({ type: 'toggle', id: cluster.id });
      return;
    }
    case 'selectAll':
      c.dispatch({ type: 'selectAll', ids: s.visible.map((cluster) => cluster.id) });
      return;
    case 'filter':
      c.dispatch({ type: 'filterOpen' });
      return;
    case 'requestToken':
      requestFromList(s, c);
      return;
    case 'listEscape':
      escapeOnList(s, c);
      return;
    case 'reload':
      c.reload();
      return;
    case 'filterKeep':
      c.dispatch({ type: 'filterKeep' });
      return;
    case 'filterClear':
      c.dispatch({ type: 'filterClear' });
      return;
    case 'filterBackspace':
      c.dispatch({ type: 'filterBackspace' });
      return;
    case 'manualEntry':
      openManualEntry(s, c);
      return;
    case 'manualSubmit':
      submitManualEntry(s, c);
      return;
    case 'manualBack':
      manualBack(s, c);
      return;
    case 'manualBackspace':
      c.dispatch({ type: 'manual', action: { type: 'backspace' } });
      return;
    case 'manualClear':
      c.dispatch({ type: 'manual', action: { type: 'clear' } });
      return;
    case 'copy':
      c.copy();
      return;
    case 'refresh':
      if (s.token.status !== 'requesting' && s.token.clusterIds.length > 0) {
        c.dispatch({ type: 'notice', notice: null });
        c.requestToken(s.token.clusterIds, 'token');
      }
      return;
    case 'reveal':
      c.dispatch({ type: 'toggleReveal' });
      return;
    case 'finish':
      if (s.token.token) c.finish({ kind: 'token', token: s.token.token, clusterIds: [...s.token.clusterIds] });
      return;
    case 'back':
      c.cancelToken();
      c.dismissTokenError();
      c.dispatch({ type: 'showList' });
      return;
    case 'help':
      c.dispatch({ type: 'helpOpen' });
      return;
    case 'quit':
      c.finish({ kind: 'quit' });
      return;
    case 'cancel':
      c.finish({ kind: 'cancel' });
      return;
    case 'suspend':
      if (c.suspend) c.suspend();
      else c.dispatch({ type: 'notice', notice: { tone: 'warning', text: 'Suspending (Ctrl-Z) is not available here.' } });
      return;
    default:
      return;
  }
}

function isText(input: string, key: Key): boolean {
  return input.length > 0 && !key.ctrl && !key.meta;
}

/** Every key press of the app: the keymap names the action, this carries it out. */
export function handleKey(s: KeySnapshot, c: KeyCommands, input: string, key: Key): void {
  const screen = keyScreen(s.app);
  const action = matchAction(screen, input, key);
  if (screen === 'help') {
    if (action === 'cancel' || action === 'suspend') perform(action, s, c);
    else c.dispatch({ type: 'helpClose' });
    return;
  }
  if (performWorkspaceKey(screen, action, s, c, input, key)) return;
  if (action && performClipboardKey(action, s, c, input, highlightedCluster(s)?.id)) return;
  if (action) perform(action, s, c);
  else if (screen === 'filter' && isText(input, key)) c.dispatch({ type: 'filterType', text: input });
  else if (screen === 'manual' && isText(input, key)) c.dispatch({ type: 'manual', action: { type: 'type', text: input } });
}
