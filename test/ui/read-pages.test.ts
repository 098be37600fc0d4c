import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/ui/read-pages.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Records page/end calls, and whether end() came in the same synchronous run as the page before it. */
function recorder() {
  const calls: string[] = [];
  let inPageRun = false;
  return {
    calls,
    handlers: {
      page(page: number[]) {
        calls.push(`page ${page.join(',')}`);
        inPageRun = true;
        queueMicrotask(() => (inPageRun = false));
      },
      end() {
        calls.push(inPageRun ? 'end (same run)' : 'end (later)');
      },
    },
  };
}

describe('readPages', () => {
  it('hands over the last page and the end together when nothing is left to wait for', async () => {
    async function* pages() {
      await tick();
      yield [1, 2];
      await tick();
      yield [3];
    }
    const { calls, handlers } = recorder();
    await readPages(pages(), handlers, () => false);
    expect(calls).toEqual(['page 1,2', 'page 3', 'end (same run)']);
  });

  it('reports the end on its own when it needs more I/O after the last page', async () => {
    async function* pages() {
      yield [1];
      await tick(); // e.g. one more request that comes back empty-handed
    }
    const { calls, handlers } = recorder();
    await readPages(pages(), handlers, () => false);
    expect(calls).toEqual(['page 1', 'end (later)']);
  });

  it('asks for the next page before handing over the current one', async () => {
    const log: string[] = [];
    async function* pages() {
      log.push('request 1');
      await tick();
      yield [1];
      log.push('request 2');
      await tick();
      yield [2];
    }
    await readPages(pages(), { page: (p) => log.push(`page ${p.join(',')}`), end: () => log.push('end') }, () => false);
    expect(log).toEqual(['request 1', 'request 2', 'page 1', 'page 2', 'end']);
  });

  it('ends at once for an empty listing', async () => {
    async function* pages(): AsyncGenerator<number[]> {}
    const { calls, handlers } = recorder();
    await readPages(pages(), handlers, () => false);
    expect(calls).toEqual(['end (later)']);
  });

  it('throws a failed page after handing over the pages before it', async () => {
    async function* pages() {
      yield [1];
      await tick();
      throw new Error('throttled');
    }
    const { calls, handlers } = recorder();
    await expect(readPages(pages(), handlers, () => false)).rejects.toThrow('throttled');
    expect(calls).toEqual(['page 1']);
  });

  it('stops handing over pages once stopped, and closes the iterable', async () => {
    let closed = false;
    let stop = false;
    async function* pages() {
      try {
        yield [1];
        await tick();
        yield [2];
        await tick();
        yield [3];
      } finally {
        closed = true;
      }
    }
    const { calls, handlers } = recorder();
    await readPages(pages(), { ...handlers, page: (p) => (handlers.page(p), (stop = true)) }, () => stop);
    await tick();
    expect(calls).toEqual(['page 1']);
    expect(closed).toBe(true);
  });
});
