import type { CallOptions, RedshiftApi } from '../aws/api.js';
import type { Cluster } from '../domain/cluster.js';
import { settledThisTurn } from '../ui/read-pages.js';
import type { FirstPage } from '../ui/state/cluster-list-state.js';

type RetryArgs = Parameters<NonNullable<CallOptions['onRetry']>>;

export interface EarlyListing<A extends RedshiftApi> {
  /** The api, except that its first listClusters() takes over the listing already under way. */
  api: A;
  /**
   * Waits at most maxWaitMs for the first page. When it came, hands it over, with whether it was
   * the whole list, and the listing goes on from the page after it; else (or on an error, left for
   * the listing to report) undefined.
   */
  takeFirstPage(maxWaitMs: number): Promise<FirstPage | undefined>;
  /** Aborts the early listing if nothing took it over (the screen never came up). */
  dispose(): void;
}

/**
 * Starts DescribeClusters before the screen exists, so that the request is on its way (and the
 * server answering) while Ink loads and draws its first frame. The first listClusters() call (the
 * list's first load) takes that listing over: what happened before it — the first page, "retrying…"
 * — is handed on as if it had asked itself, and its signal aborts the listing. Later calls (reload,
 * another profile) go to the api as usual. Pages after the first are requested when the taker (or
 * takeFirstPage) asks for them.
 */
export function withEarlyListing<A extends RedshiftApi>(api: A): EarlyListing<A> {
  const controller = new AbortController();
  const retries: RetryArgs[] = [];
  let onRetry: CallOptions['onRetry'];
  const pages = api.listClusters({
    signal: controller.signal,
    onRetry: (...args) => (onRetry ? onRetry(...args) : void retries.push(args)),
  })[Symbol.asyncIterator]();
  const first = pages.next();
  first.catch(() => undefined); // rethrown to whoever takes the listing over
  let taken = false;
  let afterFirst: Promise<IteratorResult<Cluster[]>> | undefined;

  async function takeFirstPage(maxWaitMs: number): Promise<FirstPage | undefined> {
    if (taken || afterFirst) return undefined;
    const timeout = new Promise<undefined>((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs);
      const stop = () => clearTimeout(timer);
      first.then(stop, stop);
    });
    const result = await Promise.race([first.catch(() => undefined), timeout]);
    if (!result || taken) return undefined;
    // A listing handed over whole leaves nothing to take over: later listings (reload) go to the api.
    if (result.done) {
      taken = true;
      return { clusters: [], complete: true };
    }
    afterFirst = pages.next();
    afterFirst.catch(() => undefined); // rethrown to whoever takes the listing over
    const following = await settledThisTurn(afterFirst);
    const complete = following?.done === true;
    if (complete) taken = true;
    return { clusters: result.value, complete };
  }

  async function* takeOver(opts: CallOptions): AsyncGenerator<Cluster[]> {
    const abort = () => controller.abort(opts.signal?.reason);
    if (opts.signal?.aborted) abort();
    else opts.signal?.addEventListener('abort', abort, { once: true });
    onRetry = opts.onRetry;
    for (const args of retries.splice(0)) onRetry?.(...args);
    let done = false;
    try {
      for (let next = afterFirst ?? first; ; next = pages.next()) {
        const result = await next;
        if (result.done) {
          done = true;
          return;
        }
        yield result.value;
      }
    } finally {
      opts.signal?.removeEventListener('abort', abort);
      if (!done) void pages.return?.(undefined)?.catch(() => undefined);
    }
  }

  const wrapped = Object.create(api) as A;
  wrapped.listClusters = (opts: CallOptions = {}) => {
    if (taken) return api.listClusters(opts);
    taken = true;
    return takeOver(opts);
  };
  return {
    api: wrapped,
    takeFirstPage,
    dispose: () => {
      if (!taken) controller.abort();
    },
  };
}
