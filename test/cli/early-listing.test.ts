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
});
