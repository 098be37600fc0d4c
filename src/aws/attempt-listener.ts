import type { FinalizeRequestMiddleware, HandlerExecutionContext, MiddlewareStack } from '@smithy/types';
import type { HttpRequest } from '@smithy/types';

export interface Attempt {
  commandName: string;
  /** 1 for the first try, 2 for the first retry… */
  number: number;
  maxAttempts?: number;
  method: string;
  url: string;
}

/** Sees every HTTP attempt the SDK makes, retries included, because it sits inside the retry middleware. */
export interface AttemptListener {
  onAttempt?(attempt: Attempt): void;
  onAnswer?(attempt: Attempt, status: number, requestId: string | undefined): void;
  onFailure?(attempt: Attempt, error: unknown): void;
}

type RequestLike = Partial<HttpRequest>;

interface AnswerLike {
  statusCode?: number;
  headers?: Record<string, string>;
}

function describeAttempt(request: RequestLike, context: HandlerExecutionContext): Attempt {
  const counter = /attempt=(\d+); max=(\d+)/u.exec(request.headers?.['amz-sdk-request'] ?? '');
  const port = request.port === undefined ? '' : `:${request.port}`;
  return {
    commandName: context.commandName ?? 'request',
    number: counter?.[1] === undefined ? 1 : Number(counter[1]),
    maxAttempts: counter?.[2] === undefined ? undefined : Number(counter[2]),
    method: request.method ?? 'POST',
    url: `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${port}${request.path ?? '/'}`,
  };
}

function listeningMiddleware<I extends object, O extends object>(listener: AttemptListener): FinalizeRequestMiddleware<I, O> {
  return (next, context) => async (args) => {
    const attempt = describeAttempt(args.request as RequestLike, context);
    listener.onAttempt?.(attempt);
    try {
      const result = await next(args);
      const answer = result.response as AnswerLike;
      listener.onAnswer?.(attempt, answer.statusCode ?? 0, answer.headers?.['x-amzn-requestid']);
      return result;
    } catch (error) {
      listener.onFailure?.(attempt, error);
      throw error;
    }
  };
}

export function addAttemptListener<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  name: string,
  listener: AttemptListener,
): void {
  stack.addRelativeTo(listeningMiddleware<I, O>(listener), {
    name,
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    override: true,
  });
}
