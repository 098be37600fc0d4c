import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

const REQUEST_START = 'http.client.request.start';

/**
 * Resolves once the next HTTP(S) request of this process has been handed to the operating system
 * (its 'finish'), or after maxWaitMs, whichever comes first; never rejects. Call it before the
 * request is made.
 */
export function nextRequestSent(maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe(REQUEST_START, onStart);
      resolve();
    };
    const onStart = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      request.once('finish', done);
      request.once('error', done);
      unsubscribe(REQUEST_START, onStart);
    };
    const timer = setTimeout(done, maxWaitMs);
    subscribe(REQUEST_START, onStart);
  });
}
