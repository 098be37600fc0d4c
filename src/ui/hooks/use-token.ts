import { useCallback, useEffect, useRef } from 'react';
import type { RedshiftApi } from '../../aws/api.js';
import type { AuthToken } from '../../domain/cluster.js';
import { initialTokenState, tokenReducer, type TokenState } from '../state/token-state.js';
import { toAppError } from '../to-app-error.js';
import { useStore } from './use-store.js';

export interface TokenRequests {
  token: TokenState;
  /** The state as it is now, for handlers that run between renders. */
  getToken: () => TokenState;
  /** Resolves with the new token, or undefined when the request failed or was cancelled. */
  request: (ids: readonly string[]) => Promise<AuthToken | undefined>;
  cancel: () => void;
  dismissError: () => void;
}

/** One GetIdentityCenterAuthToken at a time; a failure keeps the last good token. */
export function useToken(api: RedshiftApi, now: () => number = Date.now): TokenRequests {
  const [token, store] = useStore(tokenReducer, () => initialTokenState);
  const { dispatch } = store;
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const request = useCallback(
    async (ids: readonly string[]) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      const { signal } = controller;
      inFlight.current = controller;
      dispatch({ type: 'request', ids });
      try {
        const result = await api.getToken(ids, {
          signal,
          onRetry: (attempt, reason, maxAttempts) => {
            if (!signal.aborted) dispatch({ type: 'retrying', retry: { attempt, reason, maxAttempts } });
          },
        });
        if (signal.aborted) return undefined;
        dispatch({ type: 'succeeded', token: result, receivedAt: now() });
        return result;
      } catch (err) {
        if (!signal.aborted) dispatch({ type: 'failed', error: toAppError(err) });
        return undefined;
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [api, dispatch, now],
  );

  const cancel = useCallback(() => {
    if (!inFlight.current) return;
    inFlight.current.abort();
    inFlight.current = null;
    dispatch({ type: 'cancelled' });
  }, [dispatch]);

  const dismissError = useCallback(() => dispatch({ type: 'dismissError' }), [dispatch]);

  return { token, getToken: store.get, request, cancel, dismissError };
}
