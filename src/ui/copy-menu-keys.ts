import type { CopyFormat } from '../domain/copy-formats.js';
import type { KeyCommands, KeySnapshot } from './key-dispatch.js';
import type { ActionName } from './keymap.js';
import { copyMenuFormat, cycleCopyCluster, moveCopyMenu, openCopyMenu } from './state/copy-menu-state.js';

/** The cluster the JDBC URL and the snippet are for: the highlighted one when the token covers it. */
export function initialCopyCluster(s: KeySnapshot, highlightedId: string | undefined): number {
  const index = highlightedId ? s.token.clusterIds.indexOf(highlightedId) : -1;
  return index >= 0 ? index : 0;
}

function choose(s: KeySnapshot, c: KeyCommands, format: CopyFormat | undefined): void {
  const menu = s.app.copyMenu;
  if (!menu || !format) return;
  c.dispatch({ type: 'copyMenu', menu: null });
  c.copyAs(format, s.token.clusterIds[menu.clusterIndex]);
}

/** The keys of the copy-as menu and the token-screen keys that belong to the clipboard; false when not one of them. */
export function performClipboardKey(action: ActionName, s: KeySnapshot, c: KeyCommands, input: string, highlightedId: string | undefined): boolean {
  const menu = s.app.copyMenu;
  switch (action) {
    case 'copyAs':
      if (s.token.token) c.dispatch({ type: 'copyMenu', menu: openCopyMenu(initialCopyCluster(s, highlightedId)) });
      return true;
    case 'clearClipboard':
      c.clearClipboard();
      return true;
    case 'menuUp':
    case 'menuDown':
      if (menu) c.dispatch({ type: 'copyMenu', menu: moveCopyMenu(menu, action === 'menuUp' ? -1 : 1) });
      return true;
    case 'menuPrevCluster':
    case 'menuNextCluster':
      if (menu) c.dispatch({ type: 'copyMenu', menu: cycleCopyCluster(menu, action === 'menuPrevCluster' ? -1 : 1, s.token.clusterIds.length) });
      return true;
    case 'menuChoose':
      choose(s, c, copyMenuFormat(Number(input) - 1));
      return true;
    case 'menuPick':
      if (menu) choose(s, c, copyMenuFormat(menu.cursor));
      return true;
    case 'menuClose':
      c.dispatch({ type: 'copyMenu', menu: null });
      return true;
    default:
      return false;
  }
}
