import type { Cluster } from '../../domain/cluster.js';
import type { AppError } from '../../domain/errors.js';

export interface RetryInfo {
  attempt: number;
  reason: string;
  /** The SDK's limit of attempts, when known. */
  maxAttempts?: number;
}

export interface ClusterListState {
  clusters: readonly Cluster[];
  status: 'loading' | 'loaded' | 'failed';
  error: AppError | null;
  retry: RetryInfo | null;
  /** Pages and clusters received by the current load; until its first page the previous list stays. */
  pages: number;
  received: number;
}

export type ClusterListAction =
  | { type: 'start' }
  | { type: 'page'; clusters: readonly Cluster[] }
  | { type: 'retrying'; retry: RetryInfo }
  | { type: 'done' }
  | { type: 'failed'; error: AppError };

/** The listing's first page when it came before the screen was drawn, and whether it was the whole list. */
export interface FirstPage {
  clusters: readonly Cluster[];
  complete: boolean;
}

export const initialClusterListState: ClusterListState = {
  clusters: [],
  status: 'loading',
  error: null,
  retry: null,
  pages: 0,
  received: 0,
};

export function clusterListReducer(state: ClusterListState, action: ClusterListAction): ClusterListState {
  switch (action.type) {
    case 'start':
      return { ...state, status: 'loading', error: null, retry: null, pages: 0, received: 0 };
    case 'page':
      return {
        ...state,
        clusters: state.pages === 0 ? action.clusters : [...state.clusters, ...action.clusters],
        pages: state.pages + 1,
        received: state.received + action.clusters.length,
        retry: null,
      };
    case 'retrying':
      return { ...state, retry: action.retry };
    case 'done':
      return { ...state, status: 'loaded', retry: null, clusters: state.pages === 0 ? [] : state.clusters };
    case 'failed':
      return { ...state, status: 'failed', retry: null, error: action.error };
  }
}

/** The state to start from: empty and loading, or with the first page (and done when it was all). */
export function startingClusterListState(first?: FirstPage): ClusterListState {
  if (!first) return initialClusterListState;
  const withPage = clusterListReducer(initialClusterListState, { type: 'page', clusters: first.clusters });
  return first.complete ? clusterListReducer(withPage, { type: 'done' }) : withPage;
}
