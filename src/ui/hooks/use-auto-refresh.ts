import { useCallback, useEffect, useRef } from 'react';
import type { AuthToken } from '../../domain/cluster.js';
import { AUTO_RETRY_MS, autoRefreshDue } from '../../domain/auto-refresh.js';
import { assessTokenTiming } from '../../domain/token-timing.js';
import type { Clock } from '../clock.js';
import type { AutoRefreshStatus } from '../state/workspace-state.js';
import type { TokenState } from '../state/token-state.js';
import { useLatest } from './use-latest.js';
import { useStore } from './use-store.js';

type AutoAction = { type: 'toggle' } | { type: 'refreshed'; at: number } | { type: 'failed'; at: number; text: string };

function autoReducer(state: AutoRefreshStatus, action: AutoAction): AutoRefreshStatus {
  switch (action.type) {
    case 'toggle':
      return { ...state, enabled: !state.enabled, failure: null, notBefore: null };
    case 'refreshed':
      return { ...state, lastAt: action.at, failure: null, notBefore: null };
    case 'failed':
      return { ...state, failure: { at: action.at, text: action.text }, notBefore: action.at + AUTO_RETRY_MS };
  }
}

/** Where the token expires on the local clock, and when it arrived. */
export function tokenTimes(state: TokenState, now: number): { expiresAt: number; receivedAt: number } | null {
  if (!state.token) return null;
  const receivedAt = state.receivedAt ?? now;
  const timing = assessTokenTiming({ expiresAt: state.token.expiresAt, receivedAt, clockOffsetMs: state.token.clockOffsetMs });
  return { expiresAt: timing.localExpiresAt.getTime(), receivedAt };
}

export interface AutoRefreshOptions {
  enabled: boolean;
  beforeMs: number;
  clock: Clock;
  /** Runs only while the token screen shows. */
  active: boolean;
  getToken: () => TokenState;
  /** Asks for a new token for these clusters; undefined when it failed (the old token stays). */
  refresh: (ids: readonly string[]) => Promise<AuthToken | undefined>;
  onRefreshed?: (previous: AuthToken, received: AuthToken) => void;
}

export interface AutoRefresh {
  status: AutoRefreshStatus;
  toggle: () => boolean;
}

/**
 * Gets a new token when the lead time before expiry is reached, once per token; after a failure
 * the old token stays and the next try waits a minute, while the old token is still valid.
 * Checks on the injected clock's tick, so tests advance time instead of sleeping.
 */
export function useAutoRefresh(options: AutoRefreshOptions): AutoRefresh {
  const { clock, active, beforeMs } = options;
  const [status, store] = useStore(autoReducer, (): AutoRefreshStatus => ({ enabled: options.enabled, beforeMs, lastAt: null, failure: null, notBefore: null }));
  const latest = useLatest(options);
  const inFlight = useRef(false);

  const check = useCallback(() => {
    const { getToken, refresh, onRefreshed } = latest.current;
    const state = getToken();
    const current = store.get();
    if (!current.enabled || inFlight.current || state.status === 'requesting' || !state.token) return;
    const now = clock.now();
    const times = tokenTimes(state, now);
    if (!times || !autoRefreshDue({ now, ...times, beforeMs: current.beforeMs, notBefore: current.notBefore })) return;
    inFlight.current = true;
    const previous = state.token;
    void refresh(state.clusterIds).then((received) => {
      inFlight.current = false;
      const at = clock.now();
      if (received) {
        store.dispatch({ type: 'refreshed', at });
        onRefreshed?.(previous, received);
      } else {
        store.dispatch({ type: 'failed', at, text: latest.current.getToken().error?.message ?? 'the request was cancelled' });
      }
    });
  }, [clock, latest, store]);

  useEffect(() => {
    if (!status.enabled || !active) return undefined;
    check();
    return clock.setTick(check, 1000);
  }, [status.enabled, active, clock, check]);

  const toggle = useCallback(() => {
    store.dispatch({ type: 'toggle' });
    return store.get().enabled;
  }, [store]);

  return { status, toggle };
}
