import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedshiftApi } from '../../aws/api.js';
import { clusterListReducer, startingClusterListState, type ClusterListState, type FirstPage } from '../state/cluster-list-state.js';
import { useStore } from './use-store.js';
import { toAppError } from '../to-app-error.js';
import { readPages } from '../read-pages.js';
import { getHost } from '../../host.js';

export interface ClusterList {
  list: ClusterListState;
  /** The list as it is now, for handlers that run between renders. */
  getList: () => ClusterListState;
  reload: () => void;
}

/**
 * Streams DescribeClusters page by page into the list; a reload aborts the load in flight. With
 * firstPage (taken from the listing before the screen was drawn), the list starts with it and the
 * first load goes on from the page after it, or is already done.
 */
export function useClusterList(api: RedshiftApi, firstPage?: FirstPage): ClusterList {
  const [list, store] = useStore(clusterListReducer, () => startingClusterListState(firstPage));
  const { dispatch } = store;
  const [run, setRun] = useState(0);
  const resume = useRef(firstPage);

  useEffect(() => {
    const resuming = resume.current;
    resume.current = undefined;
    if (resuming?.complete) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    if (!resuming) dispatch({ type: 'start' });
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

  // After the commit that drew the rows (or the loaded, empty list): the launcher may save the compiled code then.
  const drawn = list.clusters.length > 0 || list.status === 'loaded';
  useEffect(() => {
    if (drawn) getHost().listDrawn();
  }, [drawn]);

  const reload = useCallback(() => setRun((n) => n + 1), []);
  return { list, getList: store.get, reload };
}
