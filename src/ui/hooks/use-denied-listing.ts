import { useEffect } from 'react';
import type { AppAction, AppState } from '../state/app-state.js';
import type { ClusterListState } from '../state/cluster-list-state.js';

/** Codes AWS uses when the caller may not call DescribeClusters at all. */
const DENIED_CODES: ReadonlySet<string> = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

export function isListingDenied(list: ClusterListState): boolean {
  return list.status === 'failed' && list.error?.code !== undefined && DENIED_CODES.has(list.error.code);
}

/**
 * Identity-enhanced sessions may be denied DescribeClusters while the token call works: when the
 * listing is refused, open the cluster-ID field once (the list error message stays on screen).
 */
export function useOpenManualWhenDenied(list: ClusterListState, getApp: () => AppState, dispatch: (action: AppAction) => void): void {
  const denied = isListingDenied(list);
  const error = list.error;
  useEffect(() => {
    if (!denied) return;
    const app = getApp();
    if (app.screen !== 'list' || app.manual.open || app.helpOpen) return;
    const seed = app.manual.text.trim() === '' && app.selection.length > 0 ? `${app.selection.join(' ')} ` : undefined;
    dispatch({ type: 'filterKeep' });
    dispatch({ type: 'manual', action: { type: 'open', text: seed } });
  }, [denied, error, getApp, dispatch]);
}
