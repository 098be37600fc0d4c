import type { CallOptions, RedshiftApi } from '../../src/aws/api.js';
import type { Clipboard, CopyResult } from '../../src/clipboard/clipboard.js';
import type { AuthToken, Cluster } from '../../src/domain/cluster.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function makeCluster(id: string, overrides: Partial<Cluster> = {}): Cluster {
  return {
    id,
    status: 'available',
    nodeType: 'ra3.xlplus',
    nodes: 2,
    dbName: 'dev',
    endpoint: { address: `${id}.abc123.us-east-1.redshift.amazonaws.com`, port: 5439 },
    az: 'us-east-1a',
    tags: {},
    ...overrides,
  };
}

export function makeClusters(count: number, prefix = 'cluster'): Cluster[] {
  return Array.from({ length: count }, (_, i) => makeCluster(`${prefix}-${String(i + 1).padStart(2, '0')}`));
}

type FeedEvent = { kind: 'page'; clusters: Cluster[] } | { kind: 'end' } | { kind: 'fail'; error: unknown };

/** One listClusters call whose pages the test hands out one by one. */
export class PageFeed {
  private readonly events: FeedEvent[] = [];
  private waiting: (() => void) | null = null;
  constructor(readonly opts: CallOptions | undefined) {}

  page(clusters: Cluster[]): this {
    return this.emit({ kind: 'page', clusters });
  }
  end(): this {
    return this.emit({ kind: 'end' });
  }
  fail(error: unknown): this {
    return this.emit({ kind: 'fail', error });
  }

  private emit(event: FeedEvent): this {
    this.events.push(event);
    this.waiting?.();
    this.waiting = null;
    return this;
  }

  async *pages(): AsyncGenerator<Cluster[]> {
    for (;;) {
      while (this.events.length === 0) await new Promise<void>((resolve) => (this.waiting = resolve));
      const event = this.events.shift() as FeedEvent;
      if (event.kind === 'end') return;
      if (event.kind === 'fail') throw event.error;
      yield event.clusters;
    }
  }
}

export interface TokenCall {
  ids: string[];
  opts: CallOptions | undefined;
  reply: Deferred<AuthToken>;
}

/** A RedshiftApi whose pages and tokens arrive when the test says so. */
export class FakeApi implements RedshiftApi {
  readonly feeds: PageFeed[] = [];
  readonly tokenCalls: TokenCall[] = [];

  /** With pages, every listing yields them at once and ends; without, use feed(). */
  constructor(private readonly pagesEachTime?: Cluster[][]) {}

  listClusters(opts?: CallOptions): AsyncIterable<Cluster[]> {
    const feed = new PageFeed(opts);
    this.feeds.push(feed);
    if (this.pagesEachTime) {
      for (const page of this.pagesEachTime) feed.page(page);
      feed.end();
    }
    return feed.pages();
  }

  getToken(clusterIds: readonly string[], opts?: CallOptions): Promise<AuthToken> {
    const reply = deferred<AuthToken>();
    this.tokenCalls.push({ ids: [...clusterIds], opts, reply });
    return reply.promise;
  }

  feed(index = this.feeds.length - 1): PageFeed {
    const feed = this.feeds[index];
    if (!feed) throw new Error(`no listClusters call #${index}`);
    return feed;
  }

  lastTokenCall(): TokenCall {
    const call = this.tokenCalls.at(-1);
    if (!call) throw new Error('no getToken call');
    return call;
  }
}

export class FakeClipboard implements Clipboard {
  readonly copies: string[] = [];
  result: CopyResult = { method: 'system', confirmed: true };
  error: unknown = null;

  async copy(text: string): Promise<CopyResult> {
    if (this.error) throw this.error;
    this.copies.push(text);
    return this.result;
  }
}

interface Timer {
  fn: () => void;
  ms: number;
  due: number;
}

/** now() and setTick() that move only when the test advances them. */
export class ManualClock {
  private readonly timers = new Set<Timer>();
  constructor(public time: number) {}

  now = (): number => this.time;

  setTick = (fn: () => void, ms: number): (() => void) => {
    const timer = { fn, ms, due: this.time + ms };
    this.timers.add(timer);
    return () => {
      this.timers.delete(timer);
    };
  };

  get activeTimers(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers) if (t.due <= target && (!next || t.due < next.due)) next = t;
      if (!next) break;
      this.time = next.due;
      next.due += next.ms;
      next.fn();
    }
    this.time = target;
  }
}

export function makeToken(token: string, expiresAt: Date): AuthToken {
  return { token, expiresAt };
}

export const LONG_TOKEN = `eyJraWQiOiJ${'A'.repeat(1200)}SECRETPART${'B'.repeat(150)}Q0fA`;
