import { Box, useApp, useInput, type Key } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import type { RedshiftApi } from '../aws/api.js';
import type { ClipboardGuard } from '../clipboard/auto-clear.js';
import type { Clipboard } from '../clipboard/clipboard.js';
import { listWindow } from '../domain/list-window.js';
import { intervalTick, type Clock } from './clock.js';
import { ColorContext } from './color-context.js';
import { Footer } from './components/footer.js';
import { Header, type HeaderContext } from './components/header.js';
import { HelpOverlay } from './components/help-overlay.js';
import { ManualEntry } from './components/manual-entry.js';
import { ListScreen } from './components/list-screen.js';
import { MessageArea } from './components/message-area.js';
import { TokenScreen } from './components/token-screen.js';
import { ClipboardStatus } from './components/clipboard-status.js';
import { CopyMenu } from './components/copy-menu.js';
import { useClipboard } from './hooks/use-clipboard.js';
import { useClusterList } from './hooks/use-cluster-list.js';
import type { FirstPage } from './state/cluster-list-state.js';
import { isListingDenied, useOpenManualWhenDenied } from './hooks/use-denied-listing.js';
import { useLatest } from './hooks/use-latest.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useToken } from './hooks/use-token.js';
import { handleInputEvent } from './handle-chunk.js';
import { usePasteReader } from './hooks/use-paste-reader.js';
import { useRedrawOnResume } from './hooks/use-redraw-on-resume.js';
import type { TerminalControl } from './terminal-control.js';
import { keyScreen, type KeyCommands, type KeySnapshot } from './key-dispatch.js';
import { bodyHeight } from './layout.js';
import type { AppOutcome } from './outcome.js';
import { appReducer, createAppState, type AppState, type Screen } from './state/app-state.js';
import type { ClusterListState } from './state/cluster-list-state.js';
import type { TokenState } from './state/token-state.js';
import { deriveView } from './state/view.js';
import type { SessionInfo, Switcher } from '../aws/workspace-types.js';
import { DEFAULT_AUTO_REFRESH_MS, currentRecent, type WorkspaceInit } from './state/workspace-state.js';
import { sortedList } from './state/sorted-list.js';
import { SORT_LABELS } from '../domain/cluster-sort.js';
import { useWorkspace, type MemorySink } from './hooks/use-workspace.js';
import { tokenTimes, useAutoRefresh } from './hooks/use-auto-refresh.js';
import { AutoRefreshRow } from './components/auto-refresh-row.js';
import { IdentityFields } from './components/identity-fields.js';
import { Picker } from './components/picker.js';
import { WIDE_COLUMNS } from './components/detail-pane.js';
import { detailLayout, identityRoom, listRows, listWidth, WithDetail, type DetailLayout } from './workspace-view.js';
import { SafeText } from './components/safe-text.js';

export type { AppOutcome } from './outcome.js';

export interface AppProps {
  api: RedshiftApi;
  /** The listing's first page, when it came before the screen was drawn. */
  firstPage?: FirstPage;
  clipboard: Clipboard;
  /** Clears the clipboard after a while and on exit; made by the lifecycle root (else one on the UI clock). */
  clipboardGuard?: ClipboardGuard;
  /** --clipboard-clear-after in ms, for the guard made here (0 = never; default 45 s). */
  clipboardClearAfterMs?: number;
  /** --recopy: copy a refreshed token when the clipboard still holds the old one copied this session. */
  recopy?: boolean;
  /** How copying works here, for the ? help (e.g. "auto: system clipboard …"). */
  clipboardDescription?: string;
  now?: () => number;
  setTick?: (fn: () => void, ms: number) => () => void;
  context: HeaderContext;
  initialSelection?: readonly string[];
  rows?: number;
  columns?: number;
  onExit: (outcome: AppOutcome) => void;
  /** Account, caller ARN and credential expiry for the header (STS), fetched without holding up the first frame. */
  session?: SessionInfo;
  /** Builds the api for another profile/region (P, R); without it those keys say they are not available. */
  switcher?: Switcher;
  /** Where selection, recent clusters and the last profile/region are saved (IDs only); none = --no-remember. */
  memory?: MemorySink;
  /** The starting profile+region, what was remembered, the sort order. */
  workspace?: WorkspaceInit;
  /** --auto-refresh: on from the start, and how long before expiry (ms, default 5 min); a toggles it. */
  autoRefresh?: { enabled: boolean; beforeMs?: number };
  /** stdout is a pipe: shown on the token screen, where Enter prints the token there. */
  outputHint?: string;
  /** Colours on screen (default true); off keeps styles such as the cursor row's inverse. */
  color?: boolean;
  /** Ctrl-Z and the redraw after fg; given by the lifecycle root, which owns the terminal. */
  terminal?: TerminalControl;
}

/** What the screen shows for this state: the same for a frame and for a key handler. */
function viewFor(state: AppState, list: ClusterListState, token: TokenState, detail: DetailLayout, rows: number) {
  const shownList = sortedList(list, state.workspace.sort, currentRecent(state.workspace));
  return deriveView(state, shownList, token, listRows(detail, rows));
}

export function App({ api, firstPage, clipboard, clipboardGuard, clipboardClearAfterMs, recopy, clipboardDescription, now, setTick, context, initialSelection, rows, columns, onExit, session, switcher, memory, workspace, autoRefresh, outputHint, color = true, terminal }: AppProps) {
  const clock = useMemo<Clock>(() => ({ now: now ?? Date.now, setTick: setTick ?? intervalTick }), [now, setTick]);
  const size = useTerminalSize(rows, columns);
  const [app, appStore] = useStore(appReducer, () => createAppState(initialSelection, workspace));
  const { dispatch } = appStore;
  const ws = useWorkspace({ api, session, context, switcher, memory, app, getApp: appStore.get, dispatch });
  const { list, getList, reload } = useClusterList(ws.api, firstPage);
  const tokens = useToken(ws.api, clock.now);
  useOpenManualWhenDenied(list, appStore.get, dispatch);
  const getCurrentToken = useCallback(() => tokens.getToken().token, [tokens.getToken]);
  const getClusters = useCallback(() => getList().clusters, [getList]);
  const clip = useClipboard({ clipboard, guard: clipboardGuard, clearAfterMs: clipboardClearAfterMs, recopy, clock, dispatch, getToken: getCurrentToken, getClusters });

  const { exit } = useApp();
  const onExitRef = useLatest(onExit);
  const finished = useRef(false);
  const finish = useCallback(
    (outcome: AppOutcome) => {
      if (finished.current) return;
      finished.current = true;
      onExitRef.current(outcome);
      exit();
    },
    [exit, onExitRef],
  );

  const detail = detailLayout(app, size.columns, size.rows);
  const view = viewFor(app, list, tokens.token, detail, size.rows);
  const window = listWindow(app.offset, app.cursor, view.tableHeight, view.visible.length);

  const tokenRequest = tokens.request;
  const afterRefresh = clip.afterRefresh;
  const requestToken = useCallback(
    (ids: readonly string[], from: Screen) => {
      const previous = getCurrentToken();
      void tokenRequest(ids).then((received) => {
        if (!received) return;
        dispatch({ type: 'workspace', action: { type: 'used', ids } });
        if (from === 'list') dispatch({ type: 'showToken' });
        else dispatch({ type: 'notice', notice: { tone: 'success', text: 'Fresh token received.' } });
        if (from === 'token') void afterRefresh(previous, received);
      });
    },
    [tokenRequest, dispatch, getCurrentToken, afterRefresh],
  );

  const getToken = tokens.getToken;

  const rowsRef = useLatest(size.rows);
  const columnsRef = useLatest(size.columns);
  const auto = useAutoRefresh({
    enabled: autoRefresh?.enabled ?? false,
    beforeMs: autoRefresh?.beforeMs ?? DEFAULT_AUTO_REFRESH_MS,
    clock,
    active: view.screen === 'token',
    getToken: tokens.getToken,
    refresh: tokenRequest,
    onRefreshed: (previous, received) => void afterRefresh(previous, received),
  });
  const toggleAuto = auto.toggle;
  const toggleAutoRefresh = useCallback(() => {
    const on = toggleAuto();
    dispatch({ type: 'notice', notice: { tone: 'info', text: on ? 'Auto-refresh on: a new token shortly before this one expires.' : 'Auto-refresh off.' } });
  }, [toggleAuto, dispatch]);
  const snapshot = useCallback((): KeySnapshot => {
    const state = appStore.get();
    const current = viewFor(state, getList(), getToken(), detailLayout(state, columnsRef.current, rowsRef.current), rowsRef.current);
    return { app: state, visible: current.visible, tableHeight: current.tableHeight, token: getToken() };
  }, [appStore, getList, getToken, rowsRef, columnsRef]);

  const commands = useLatest<KeyCommands>({
    dispatch,
    requestToken,
    cancelToken: tokens.cancel,
    dismissTokenError: tokens.dismissError,
    reload,
    copy: clip.copy,
    copyAs: clip.copyAs,
    clearClipboard: clip.clearClipboard,
    finish,
    suspend: terminal?.suspend,
    workspace: {
      openPicker: switcher ? ws.openPicker : undefined,
      choose: ws.choose,
      toggleAutoRefresh,
      wide: () => columnsRef.current >= WIDE_COLUMNS,
    },
  });
  const readPaste = usePasteReader();
  const onKey = useCallback(
    (input: string, key: Key) => handleInputEvent(readPaste(), input, key, snapshot, commands.current, () => finished.current),
    [readPaste, snapshot, commands],
  );
  useInput(onKey);
  useRedrawOnResume(terminal);

  const times = tokenTimes(tokens.token, clock.now());
  const refreshRow =
    auto.status.enabled && times ? <AutoRefreshRow status={auto.status} expiresAt={times.expiresAt} receivedAt={times.receivedAt} clock={clock} /> : null;
  const room = identityRoom(size.columns, ws.context);
  const identityFields = useMemo(
    () => <IdentityFields identity={ws.identity} credentialsExpiry={ws.credentialsExpiry} clock={clock} room={room} />,
    [ws.identity, ws.credentialsExpiry, clock, room],
  );

  const body = (() => {
    if (app.helpOpen) {
      const note = clipboardDescription ? `Clipboard: ${clipboardDescription}` : undefined;
      return <HelpOverlay width={size.columns} height={bodyHeight(size.rows, view.messageLines)} note={note} />;
    }
    if (view.screen === 'list' && app.manual.open) {
      return (
        <ManualEntry
          text={app.manual.text}
          listingDenied={isListingDenied(list)}
          width={size.columns}
          height={bodyHeight(size.rows, view.messageLines)}
        />
      );
    }
    if (view.screen === 'token' && tokens.token.token) {
      return (
        <TokenScreen
          token={tokens.token.token}
          clusterIds={tokens.token.clusterIds}
          revealed={app.revealed && !app.copyMenu}
          receivedAt={tokens.token.receivedAt}
          clock={clock}
          width={size.columns}
          height={bodyHeight(size.rows, view.messageLines)}
          clipboardRow={
            clipboard.off ? (
              <SafeText dimColor wrap="truncate-end">
                off (--clipboard off) · v reveals the token
              </SafeText>
            ) : (
              <ClipboardStatus guard={clip.guard} clock={clock} />
            )
          }
          refreshRow={refreshRow}
          outputHint={outputHint}
          below={
            app.copyMenu ? (
              <CopyMenu menu={app.copyMenu} token={tokens.token.token} clusterIds={tokens.token.clusterIds} clusters={list.clusters} width={size.columns} />
            ) : null
          }
        />
      );
    }
    if (view.screen === 'list' && app.workspace.picker) {
      return <Picker picker={app.workspace.picker} width={size.columns} height={view.tableHeight + 2} />;
    }
    const listScreen = (
      <ListScreen
        all={list.clusters}
        visible={view.visible}
        window={window}
        selection={app.selection}
        filterText={app.filterText}
        filterEditing={app.filterEditing}
        loading={list.status === 'loading'}
        failed={list.status === 'failed'}
        clock={clock}
        width={listWidth(detail, size.columns)}
        sortLabel={app.workspace.sort === 'listed' ? undefined : SORT_LABELS[app.workspace.sort]}
      />
    );
    const highlighted = view.visible[window.cursor];
    return <WithDetail layout={detail} list={listScreen} cluster={highlighted} columns={size.columns} height={view.tableHeight + 2} />;
  })();

  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={size.columns}>
        <Header context={ws.context} selected={app.selection.length} width={size.columns} identity={identityFields} />
        {body}
        <MessageArea messages={view.messages} clock={clock} />
        <Footer screen={keyScreen({ ...app, screen: view.screen })} />
      </Box>
    </ColorContext.Provider>
  );
}
