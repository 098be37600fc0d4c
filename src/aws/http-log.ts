import type { DeserializeMiddleware, HandlerExecutionContext, HttpRequest, MiddlewareStack } from '@smithy/types';
import { readBody } from './response-body.js';

export interface HttpExchangeLog {
  request(entry: { method: string; url: string; headers: Record<string, string>; body: string }): void;
  /**
   * The answer, handed over only once the SDK has parsed it (or failed to): `secrets` are the
   * values of the parsed output that the service model marks sensitive (the token), so that they
   * can be cut out of the body however the body spells them.
   */
  response(entry: { status: number; headers: Record<string, string>; body: string; secrets: string[] }): void;
}

type RequestLike = Partial<HttpRequest>;

interface ResponseLike {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  return '<stream>';
}

function urlOf(request: RequestLike): string {
  const port = request.port === undefined ? '' : `:${request.port}`;
  return `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${port}${request.path ?? '/'}`;
}

/** Every string under a value. */
function strings(value: unknown, out: string[], depth = 0): void {
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object' && depth < 32) for (const v of Object.values(value)) strings(v, out, depth + 1);
}

/** The strings of `output` that the SDK's log filter (from the service model's sensitive trait) replaces. */
function sensitiveStrings(output: unknown, filtered: unknown, out: string[], depth = 0): void {
  if (depth > 32 || output === null || output === undefined) return;
  if (typeof filtered === 'string' && filtered !== output) strings(output, out);
  else if (typeof output === 'object' && typeof filtered === 'object' && filtered !== null && !(output instanceof Date)) {
    for (const [key, value] of Object.entries(output)) sensitiveStrings(value, (filtered as Record<string, unknown>)[key], out, depth + 1);
  }
}

export function sensitiveValues(output: unknown, filter: ((output: unknown) => unknown) | undefined): string[] {
  if (output === undefined || filter === undefined) return [];
  const found: string[] = [];
  sensitiveStrings(output, filter(output), found);
  return found;
}

interface HeldAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Hands every HTTP request and answer (headers and bodies, unredacted: the caller redacts) to
 * `log`, for --debug. The answer's body is read into memory and handed on to the SDK's
 * deserializer as bytes, so use it only for small answers such as the token call's. The answer is
 * held until the deserializer has parsed it, and handed over with the sensitive values it held.
 */
export function addHttpExchangeLog<I extends object, O extends object>(stack: MiddlewareStack<I, O>, log: HttpExchangeLog): void {
  const held = new WeakMap<object, HeldAnswer>();
  const capture: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const request = args.request as RequestLike;
    log.request({ method: request.method ?? 'POST', url: urlOf(request), headers: { ...request.headers }, body: bodyText(request.body) });
    const result = await next(args);
    const response = result.response as ResponseLike;
    const bytes = await readBody(response.body);
    if (bytes !== undefined) response.body = bytes;
    if (args.request !== null && typeof args.request === 'object') {
      held.set(args.request, { status: response.statusCode ?? 0, headers: { ...response.headers }, body: bytes === undefined ? bodyText(response.body) : bodyText(bytes) });
    }
    return result;
  };
  const release: DeserializeMiddleware<I, O> = (next, context: HandlerExecutionContext) => async (args) => {
    let output: unknown;
    try {
      const result = await next(args);
      output = result.output;
      return result;
    } finally {
      const answer = args.request !== null && typeof args.request === 'object' ? held.get(args.request) : undefined;
      if (answer) {
        held.delete(args.request as object);
        log.response({ ...answer, secrets: sensitiveValues(output, context.outputFilterSensitiveLog as ((o: unknown) => unknown) | undefined) });
      }
    }
  };
  stack.addRelativeTo(capture, { name: 'idcTuiHttpExchangeLog', relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
  stack.addRelativeTo(release, { name: 'idcTuiHttpExchangeLogRelease', relation: 'before', toMiddleware: 'deserializerMiddleware', override: true });
}
