import type { DeserializeMiddleware, MiddlewareStack } from '@smithy/types';
import { errorProblem, redirectProblem, successProblem } from './answer-shape.js';
import { BodyTooLarge, readBodyText } from './response-body.js';
import { UnreadableAnswer } from './unreadable-answer.js';

export interface AnswerCheck {
  /** Who answers, for the message: "could not read Redshift's answer: …". */
  service: string;
  /** The operation, e.g. DescribeClusters: its success is `<DescribeClustersResponse>` with a `<DescribeClustersResult>`. */
  action: string;
  /** Rewrites a well-formed success before the SDK parses it (the listing keeps only the members it reads). */
  project?: (xml: string) => string;
}

/** The largest answer read. A page of 100 clusters is ~260 KB, a token answer ~2 KB. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

interface ResponseLike {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

async function bodyOf(service: string, response: ResponseLike): Promise<string | undefined> {
  try {
    return await readBodyText(response.body, MAX_ANSWER_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new UnreadableAnswer(service, `it is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`);
    throw error;
  }
}

/**
 * Fails closed on an answer the SDK would take for an empty result: a 2xx that is empty, HTML, or
 * not this operation's document; a redirect; a 4xx that is no AWS error. Server errors (5xx) pass
 * to the SDK, which retries them. Sits just inside the SDK's deserializer, so it sees the raw
 * answer (after --debug has logged it) and hands the SDK the same bytes.
 */
export function checkAnswers<I extends object, O extends object>(stack: MiddlewareStack<I, O>, check: AnswerCheck): void {
  const middleware: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const result = await next(args);
    const response = result.response as ResponseLike;
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 500) return result;
    const body = await bodyOf(check.service, response);
    if (status >= 300 && status < 400) throw new UnreadableAnswer(check.service, redirectProblem(status, response.headers?.['location']));
    if (body === undefined) return result;
    const success = status < 300;
    const problem = success ? successProblem(body, check.action, status) : errorProblem(body, status);
    if (problem !== undefined) throw new UnreadableAnswer(check.service, problem);
    response.body = Buffer.from(success && check.project ? check.project(body) : body, 'utf8');
    return result;
  };
  stack.addRelativeTo(middleware, { name: 'idcTuiAnswerCheck', relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
}
