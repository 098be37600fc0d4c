import type { DeserializeMiddleware, MiddlewareStack } from '@smithy/types';
import type { HttpRequest } from '@smithy/types';
import { readBody } from './response-body.js';

export interface HttpExchangeLog {
  request(entry: { method: string; url: string; headers: Record<string, string>; body: string }): void;
  response(entry: { status: number; headers: Record<string, string>; body: string }): void;
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

/**
 * Hands every HTTP request and answer (headers and bodies, unredacted: the caller redacts) to
 * `log`, for --debug. The answer's body is read into memory and handed on to the SDK's
 * deserializer as bytes, so use it only for small answers such as the token call's.
 */
export function addHttpExchangeLog<I extends object, O extends object>(stack: MiddlewareStack<I, O>, log: HttpExchangeLog): void {
  const middleware: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const request = args.request as RequestLike;
    log.request({ method: request.method ?? 'POST', url: urlOf(request), headers: { ...request.headers }, body: bodyText(request.body) });
    const result = await next(args);
    const response = result.response as ResponseLike;
    const bytes = await readBody(response.body);
    if (bytes !== undefined) response.body = bytes;
    log.response({ status: response.statusCode ?? 0, headers: { ...response.headers }, body: bytes === undefined ? bodyText(response.body) : bodyText(bytes) });
    return result;
  };
  stack.addRelativeTo(middleware, { name: 'idcTuiHttpExchangeLog', relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
}
