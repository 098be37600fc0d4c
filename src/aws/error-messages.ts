import { AppError } from '../domain/errors.js';
import type { ErrorContext } from './error-context.js';
import { readFacts, type ErrorFacts } from './error-facts.js';
import { credentialsProblem, networkProblem, regionProblem } from './local-error-messages.js';
import { proxyProblem, withProxyDetail } from './proxy-errors.js';
import { serverError, service, serviceError } from './service-error-messages.js';

export type { ErrorContext, RedshiftAction } from './error-context.js';
export { retryReason } from './error-facts.js';
export { unknownProfileError } from './local-error-messages.js';

function isAbort(facts: ErrorFacts): boolean {
  return facts.name === 'AbortError' || facts.errno === 'ABORT_ERR';
}

function unreadableAnswer(status: number, error: unknown): AppError {
  return new AppError('other', `Redshift sent an answer that could not be read (HTTP ${status}).`, {
    hint: 'Retry; if it keeps happening, run with --debug.',
    code: 'MalformedResponse',
    retryable: true,
    cause: error,
  });
}

/** One plain line and a remedy for anything the AWS layer can throw. Never a stack. */
export function toAppError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  const facts = readFacts(error);
  return withProxyDetail(explain(error, facts, context), error, facts);
}

function explain(error: unknown, facts: ErrorFacts, context: ErrorContext): AppError {
  if (isAbort(facts)) return new AppError('other', 'Cancelled.', { code: 'AbortError', cause: error });
  const known =
    proxyProblem(facts, error) ??
    serviceError(facts, context, error) ??
    credentialsProblem(facts, context, error) ??
    regionProblem(facts, error) ??
    networkProblem(facts, context, error);
  if (known !== undefined) return known;
  if (facts.status !== undefined && facts.status >= 500) return serverError(facts, context, error);
  if (facts.status !== undefined && /XML parse error|Deserialization error/u.test(facts.message)) return unreadableAnswer(facts.status, error);
  if (facts.status !== undefined) return service(`Redshift answered ${facts.code}: ${facts.message}`, facts, error);
  return new AppError('other', facts.message || facts.name, { code: facts.name, cause: error });
}
