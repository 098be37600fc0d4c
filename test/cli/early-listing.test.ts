import { describe, expect, it } from 'vitest';
import type { CallOptions, RedshiftApi } from '../../src/aws/api.js';
import { withEarlyListing } from '../../src/cli/early-listing.js';
import type { Cluster } from '../../src/domain/cluster.js';

const cluster = (id: string): Cluster => ({ id, status: 'available', tags: {} });

/** A fake api whose listings are recorded, with two pages each and a retry before the first. */
function fakeApi() {
  const calls: { opts: CallOptions; pagesAsked: number; finished: boolean }[] = [];
  const api: RedshiftApi = {
    listClusters(opts: CallOptions = {}) {
      const call = { opts, pagesAsked: 0, finished: false };
      calls.push(call);
      return (async function* () {
        try {
          opts.onRetry?.(2, 'Throttling', 3);
          call.pagesAsked++;
          yield [cluster(`a${calls.length}`)];
          call.pagesAsked++;
          if (opts.signal?.aborted) throw new Error('aborted');
          yield [cluster(`b${calls.length}`)];
        } finally {
          call.finished = true;
        }
      })();
    },
    getToken: async () => ({ token: 't', expiresAt: new Date(0) }),
  };
  return { api, calls };
}

async function collect(pages: AsyncIterable<Cluster[]>): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of pages) ids.push(...page.map((c) => c.id));
  return ids;
}

describe('withEarlyListing', () => {
  it('asks for the first page at once; the first listing takes it over with the retries seen before', async () => {
    const { api, calls } = fakeApi();
    const early = withEarlyListing(api);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.pagesAsked).toBe(1);
    const retries: unknown[][] = [];
    const ids = await collect(early.api.listClusters({ onRetry: (...args) => retries.push(args) }));
    expect(ids).toEqual(['a1', 'b1']);
    expect(retries).toEqual([[2, 'Throttling', 3]]);
    expect(calls).toHaveLength(1);
  });

  it('later listings (reload, other profile) go to the api', async () => {
    const { api, calls } = fakeApi();
    const early = withEarlyListing(api);
    await collect(early.api.listClusters());
    expect(await collect(early.api.listClusters())).toEqual(['a2', 'b2']);
    expect(calls).toHaveLength(2);
  });

  it("the taker's signal aborts the listing, and stopping early ends it", async () => {
    const { api, calls } = fakeApi();
    const early = withEarlyListing(api);
    const controller = new AbortController();
    for await (const _page of early.api.listClusters({ signal: controller.signal })) {
      controller.abort();
      break;
    }
    expect(calls[0]?.opts.signal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls[0]?.finished).toBe(true);
  });

  it('dispose aborts a listing nobody took over, and nothing else', async () => {
    const { api, calls } = fakeApi();
    const early = withEarlyListing(api);
    early.dispose();
    expect(calls[0]?.opts.signal?.aborted).toBe(true);
    const taken = withEarlyListing(fakeApi().api);
    const pages = taken.api.listClusters();
    taken.dispose();
    expect(await collect(pages)).toEqual(['a1', 'b1']);
  });

  it('the rest of the api is reachable through the wrapper', async () => {
    const { api } = fakeApi();
    const early = withEarlyListing(api);
    await expect(early.api.getToken(['x'])).resolves.toMatchObject({ token: 't' });
    early.dispose();
  });

  describe('takeFirstPage', () => {
    /** An api whose single listing yields the given pages, each after a timer, or fails. */
    function pagedApi(pages: string[][], opts: { failFirst?: boolean; delayMs?: number } = {}) {
      let listings = 0;
      const api: RedshiftApi = {
        listClusters() {
          listings++;
          return (async function* () {
            for (const page of pages) {
              await new Promise((r) => setTimeout(r, opts.delayMs ?? 0));
              if (opts.failFirst) throw new Error('AccessDenied');
              yield page.map(cluster);
            }
          })();
        },
        getToken: async () => ({ token: 't', expiresAt: new Date(0) }),
      };
      return { api, listings: () => listings };
    }

    it('hands over a one-page listing as complete; a later listing (reload) asks the api again', async () => {
      const { api, listings } = pagedApi([['a', 'b']]);
      const early = withEarlyListing(api);
      const first = await early.takeFirstPage(1000);
      expect(first?.clusters.map((c) => c.id)).toEqual(['a', 'b']);
      expect(first?.complete).toBe(true);
      expect(listings()).toBe(1);
      expect(await collect(early.api.listClusters())).toEqual(['a', 'b']);
      expect(listings()).toBe(2);
    });

    it('hands over the first of several pages; the listing taken over goes on from the second', async () => {
      const { api, listings } = pagedApi([['a'], ['b'], ['c']], { delayMs: 5 });
      const early = withEarlyListing(api);
      const first = await early.takeFirstPage(1000);
      expect(first).toEqual({ clusters: [cluster('a')], complete: false });
      expect(await collect(early.api.listClusters())).toEqual(['b', 'c']);
      expect(listings()).toBe(1);
    });

    it('gives nothing when the first page is slower than the wait; the listing then yields every page', async () => {
      const { api } = pagedApi([['a'], ['b']], { delayMs: 200 });
      const early = withEarlyListing(api);
      expect(await early.takeFirstPage(10)).toBeUndefined();
      expect(await collect(early.api.listClusters())).toEqual(['a', 'b']);
    });

    it('gives nothing on an error, which the listing taken over then throws', async () => {
      const { api } = pagedApi([['a']], { failFirst: true });
      const early = withEarlyListing(api);
      expect(await early.takeFirstPage(1000)).toBeUndefined();
      await expect(collect(early.api.listClusters())).rejects.toThrow('AccessDenied');
    });

    it('hands over an empty listing as complete with no clusters', async () => {
      const { api } = pagedApi([]);
      const early = withEarlyListing(api);
      expect(await early.takeFirstPage(1000)).toEqual({ clusters: [], complete: true });
    });

    it('gives nothing once the listing was taken over', async () => {
      const { api } = pagedApi([['a']]);
      const early = withEarlyListing(api);
      const pages = early.api.listClusters();
      expect(await early.takeFirstPage(1000)).toBeUndefined();
      expect(await collect(pages)).toEqual(['a']);
    });
  });
});
