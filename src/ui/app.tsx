import { Box, useApp, useInput, type Key } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import type { RedshiftApi } from '../aws/api.js';
import type { Clipboard } from '../clipboard/clipboard.js';
import { listWindow } from '../domain/list-window.js';
import { intervalTick, type Clock } from './clock.js';
import { Footer } from './components/footer.js';
import { Header, type HeaderContext } from './components/header.js';
import { HelpOverlay } from './components/help-overlay.js';
import { ListScreen } from './components/list-screen.js';
import { MessageArea } from './components/message-area.js';
import { TokenScreen } from './components/token-screen.js';
import { useClusterList } from './hooks/use-cluster-list.js';
import { useLatest } from './hooks/use-latest.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useToken } from './hooks/use-token.js';
import { handleKey, keyScreen, type KeyCommands, type KeySnapshot } from './key-dispatch.js';
import { bodyHeight } from './layout.js';
import type { AppOutcome } from './outcome.js';
import { appReducer, createAppState, type Screen } from './state/app-state.js';
import { copiedNotice, copyFailedNotice } from './state/copy-notice.js';
import { deriveView } from './state/view.js';
import { splitKeys } from './split-keys.js';
import { toAppError } from './to-app-error.js';

export type { AppOutcome } from './outcome.js';

export interface AppProps {
  api: RedshiftApi;
  clipboard: Clipboard;
  now?: () => number;
  setTick?: (fn: () => void, ms: number) => () => void;
  context: HeaderContext;
  initialSelection?: readonly string[];
  rows?: number;
  columns?: number;
  onExit: (outcome: AppOutcome) => void;
}

export function App({ api, clipboard, now, setTick, context, initialSelection, rows, columns, onExit }: AppProps) {
  const clock = useMemo<Clock>(() => ({ now: now ?? Date.now, setTick: setTick ?? intervalTick }), [now, setTick]);
  const size = useTerminalSize(rows, columns);
  const [app, appStore] = useStore(appReducer, () => createAppState(initialSelection));
  const { list, getList, reload } = useClusterList(api);
  const tokens = useToken(api);
  const { dispatch } = appStore;

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

  const view = deriveView(app, list, tokens.token, size.rows);
  const window = listWindow(app.offset, app.cursor, view.tableHeight, view.visible.length);

  const tokenRequest = tokens.request;
  const requestToken = useCallback(
    (ids: readonly string[], from: Screen) => {
      void tokenRequest(ids).then((received) => {
        if (!received) return;
        if (from === 'list') dispatch({ type: 'showToken' });
        else dispatch({ type: 'notice', notice: { tone: 'success', text: 'Fresh token received.' } });
      });
    },
    [tokenRequest, dispatch],
  );

  const getToken = tokens.getToken;
  const copy = useCallback(() => {
    const current = getToken().token;
    if (!current) return;
    const expired = current.expiresAt.getTime() <= clock.now();
    dispatch({ type: 'notice', notice: { tone: 'info', text: 'Copying…' } });
    clipboard.copy(current.token).then(
      (result) => dispatch({ type: 'notice', notice: copiedNotice(result, expired) }),
      (err: unknown) => dispatch({ type: 'notice', notice: copyFailedNotice(toAppError(err)) }),
    );
  }, [clipboard, clock, dispatch, getToken]);

  const rowsRef = useLatest(size.rows);
  const snapshot = useCallback((): KeySnapshot => {
    const state = appStore.get();
    const current = deriveView(state, getList(), getToken(), rowsRef.current);
    return { app: state, visible: current.visible, tableHeight: current.tableHeight, token: getToken() };
  }, [appStore, getList, getToken, rowsRef]);

  const commands = useLatest<KeyCommands>({
    dispatch,
    requestToken,
    cancelToken: tokens.cancel,
    dismissTokenError: tokens.dismissError,
    reload,
    copy,
    finish,
  });
  const onKey = useCallback(
    (input: string, key: Key) => {
      for (const [char, charKey] of splitKeys(input, key)) {
        if (finished.current) return;
        handleKey(snapshot(), commands.current, char, charKey);
      }
    },
    [snapshot, commands],
  );
  useInput(onKey);

  const body = (() => {
    if (app.helpOpen) return <HelpOverlay width={size.columns} height={bodyHeight(size.rows, view.messageLines)} />;
    if (view.screen === 'token' && tokens.token.token) {
      return (
        <TokenScreen
          token={tokens.token.token}
          clusterIds={tokens.token.clusterIds}
          revealed={app.revealed}
          clock={clock}
          width={size.columns}
          height={bodyHeight(size.rows, view.messageLines)}
        />
      );
    }
    return (
      <ListScreen
        all={list.clusters}
        visible={view.visible}
        window={window}
        selection={app.selection}
        filterText={app.filterText}
        filterEditing={app.filterEditing}
        loading={list.status === 'loading'}
        clock={clock}
        width={size.columns}
      />
    );
  })();

  return (
    <Box flexDirection="column" width={size.columns}>
      <Header context={context} selected={app.selection.length} width={size.columns} />
      {body}
      <MessageArea messages={view.messages} clock={clock} />
      <Footer screen={keyScreen({ ...app, screen: view.screen })} />
    </Box>
  );
}
