export interface PageHandlers<T> {
  page(page: T): void;
  end(): void;
}

/** Resolves with the promise's outcome if it settles before the event loop's next turn, else undefined. */
export function settledThisTurn<T>(promise: Promise<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const immediate = setImmediate(() => resolve(undefined));
    promise.then(
      (value) => {
        clearImmediate(immediate);
        resolve(value);
      },
      () => {
        clearImmediate(immediate);
        resolve(undefined); // the rejection is rethrown where the promise is awaited
      },
    );
  });
}

/**
 * Reads an async iterable of pages, asking for the next page as soon as one arrives. When the
 * iterable ends right after a page (the last one: no request left to wait for), page() and end()
 * are called together, so the list and its final count make one frame, not two. Rejections are
 * thrown; once stopped() is true nothing more is called and the iterable is closed.
 */
export async function readPages<T>(pages: AsyncIterable<T>, handlers: PageHandlers<T>, stopped: () => boolean): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  const stop = () => void iterator.return?.()?.catch(() => undefined);
  let next = iterator.next();
  for (;;) {
    next.catch(() => undefined); // rethrown by the await below, or dropped once stopped
    const result = await next;
    if (stopped()) return stop();
    if (result.done) return handlers.end();
    next = iterator.next();
    const following = await settledThisTurn(next);
    if (stopped()) return stop();
    handlers.page(result.value);
    if (following?.done) return handlers.end();
  }
}
