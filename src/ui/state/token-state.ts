import type { AuthToken } from '../../domain/cluster.js';
import type { AppError } from '../../domain/errors.js';
import type { RetryInfo } from './cluster-list-state.js';

export interface TokenState {
  status: 'idle' | 'requesting' | 'ready' | 'failed';
  /** The last good token: a failed request never takes it away. */
  token: AuthToken | null;
  /** The clusters the token is for. */
  clusterIds: readonly string[];
  /** Local time the token arrived (the UI clock), to check its ExpirationTime against. */
  receivedAt: number | null;
  /** The clusters of the request in flight, or of the last one that failed. */
  pendingIds: readonly string[];
  retry: RetryInfo | null;
  error: AppError | null;
}

export type TokenAction =
  | { type: 'request'; ids: readonly string[] }
  | { type: 'retrying'; retry: RetryInfo }
  | { type: 'succeeded'; token: AuthToken; receivedAt?: number }
  | { type: 'failed'; error: AppError }
  | { type: 'cancelled' }
  | { type: 'dismissError' };

export const initialTokenState: TokenState = {
  status: 'idle',
  token: null,
  clusterIds: [],
  receivedAt: null,
  pendingIds: [],
  retry: null,
  error: null,
};

function settled(state: TokenState): TokenState['status'] {
  return state.token ? 'ready' : 'idle';
}

export function tokenReducer(state: TokenState, action: TokenAction): TokenState {
  switch (action.type) {
    case 'request':
      return { ...state, status: 'requesting', pendingIds: action.ids, retry: null, error: null };
    case 'retrying':
      return state.status === 'requesting' ? { ...state, retry: action.retry } : state;
    case 'succeeded':
      return {
        ...state,
        status: 'ready',
        token: action.token,
        clusterIds: state.pendingIds,
        receivedAt: action.receivedAt ?? null,
        retry: null,
        error: null,
      };
    case 'failed':
      return { ...state, status: 'failed', retry: null, error: action.error };
    case 'cancelled':
      return { ...state, status: settled(state), retry: null };
    case 'dismissError':
      return state.status === 'failed' ? { ...state, status: settled(state), error: null } : state;
  }
}
