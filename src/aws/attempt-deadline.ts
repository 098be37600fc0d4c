import { finished, type Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { DEFAULT_TIMEOUT_MS, type AwsClientOptions } from './client-options.js';

/**
 * The longest one attempt may take, from connecting to the answer's last byte: connect timeout plus
 * read timeout (120 s by default); 0 (none) when either of them is 0. The read timeout alone only
 * bounds silence, so a server that sends a byte now and then could otherwise hold a call for ever.
 */
export function attemptDeadlineMs(options: Pick<AwsClientOptions, 'connectTimeoutMs' | 'readTimeoutMs'>): number {
  const connect = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const read = options.readTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  return connect > 0 && read > 0 ? connect + read : 0;
}

/** The message names the deadline; networkProblem reads it back from there. */
export function deadlineError(ms: number): Error {
  return Object.assign(new Error(`the answer did not finish within the attempt deadline of ${ms} ms`), { name: 'TimeoutError' });
}

function isReadable(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).destroy === 'function' && typeof (body as Readable).on === 'function';
}

type Handle = NodeHttpHandler['handle'];

/**
 * NodeHttpHandler with a deadline on each attempt (the SDK calls handle() once per attempt): before
 * the answer's headers the request is aborted, after them its body is ended with the error, so the
 * SDK sees a TimeoutError either way (and retries it as it retries a read timeout).
 */
export class AttemptDeadlineHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    private readonly deadlineMs: number,
  ) {
    super(options);
  }

  override async handle(...[request, options = {}]: Parameters<Handle>): ReturnType<Handle> {
    if (!(this.deadlineMs > 0)) return super.handle(request, options);
    const outer = options.abortSignal as AbortSignal | undefined;
    // A signal without addEventListener (the SDK's older AbortSignal shape; idc-tui passes none) could not be forwarded.
    if (outer?.aborted || (outer && typeof outer.addEventListener !== 'function')) return super.handle(request, options);
    const controller = new AbortController();
    const forward = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', forward, { once: true });
    let body: Readable | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (body) body.destroy(deadlineError(this.deadlineMs));
      else controller.abort(deadlineError(this.deadlineMs));
    }, this.deadlineMs);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    };
    try {
      const result = await super.handle(request, { ...options, abortSignal: controller.signal });
      const stream = result.response.body as unknown;
      if (isReadable(stream) && !stream.destroyed && !stream.readableEnded) {
        body = stream;
        finished(stream, done);
      } else {
        done();
      }
      return result;
    } catch (error) {
      done();
      throw timedOut ? deadlineError(this.deadlineMs) : error;
    }
  }
}
