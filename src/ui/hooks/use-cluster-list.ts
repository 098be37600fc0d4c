import { useCallback, useEffect, useState } from 'react';
import type { RedshiftApi } from '../../aws/api.js';
import { clusterListReducer, initialClusterListState, type ClusterListState } from '../state/cluster-list-state.js';
import { useStore } from './use-store.js';
import { toAppError } from '../to-app-error.js';
import { readPages } from '../read-pages.js';

export interface ClusterList {
  list: ClusterListState;
  /** The list as it is now, for handlers that run between renders. */
  getList: () => ClusterListState;
  reload: () => void;
}

/** Streams DescribeClusters page by page into the list; a reload aborts the load in flight. */
export function useClusterList(api: RedshiftApi): ClusterList {
  const [list, store] = useStore(clusterListReducer, () => initialClusterListState);
  const { dispatch } = store;
  const [run, setRun] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    dispatch({ type: 'start' });
    const load = async () => {
      try {
        const pages = api.listClusters({
          signal,
          onRetry: (attempt, reason, maxAttempts) => {
            if (!signal.aborted) dispatch({ type: 'retrying', retry: { attempt, reason, maxAttempts } });
          },
        });
        await readPages(
          pages,
          { page: (clusters) => dispatch({ type: 'page', clusters }), end: () => dispatch({ type: 'done' }) },
          () => signal.aborted,
        );
      } catch (err) {
        if (!signal.aborted) dispatch({ type: 'failed', error: toAppError(err) });
      }
    };
    void load();
    return () => controller.abort();
  }, [api, run, dispatch]);

  const reload = useCallback(() => setRun((n) => n + 1), []);
  return { list, getList: store.get, reload };
}
