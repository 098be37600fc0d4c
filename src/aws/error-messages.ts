import { AppError } from '../domain/errors.js';
import { credentialsFailureError, CredentialsFailure } from './credential-failures.js';
import type { ErrorContext } from './error-context.js';
import { readFacts, type ErrorFacts } from './error-facts.js';
import { credentialsProblem, networkProblem, regionProblem } from './local-error-messages.js';
import { proxyProblem, withProxyDetail } from './proxy-errors.js';
import { serverError, service, serviceError } from './service-error-messages.js';
import { UNREADABLE_HINT, UnreadableAnswer } from './unreadable-answer.js';

export type { ErrorContext, RedshiftAction } from './error-context.js';
export { retryReason } from './error-facts.js';
export { unknownProfileError } from './local-error-messages.js';

function isAbort(facts: ErrorFacts): boolean {
  return facts.name === 'AbortError' || facts.errno === 'ABORT_ERR';
}

function unreadable(message: string, error: unknown): AppError {
  return new AppError('other', message, { hint: UNREADABLE_HINT, code: 'MalformedResponse', retryable: true, cause: error });
}

/**
 * What the SDK throws when it cannot parse an answer (bad XML, nesting too deep for its parser, a
 * timestamp that is not one): an error with the answer's status, but not a service error, which
 * always carries $fault.
 */
function isParseFailure(error: unknown, facts: ErrorFacts): boolean {
  return facts.status !== undefined && typeof error === 'object' && error !== null && !('$fault' in error);
}

/** One plain line and a remedy for anything the AWS layer can throw. Never a stack. */
export function toAppError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof CredentialsFailure) return credentialsFailureError(error) ?? toAppError(error.reason, context);
  const facts = readFacts(error);
  const mapped = error instanceof UnreadableAnswer ? unreadable(error.message, error) : explain(error, facts, context);
  return withProxyDetail(mapped, error, facts);
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
  if (isParseFailure(error, facts)) {
    return unreadable(`could not read Redshift's answer: the SDK cannot parse it (HTTP ${facts.status}: ${facts.message})`, error);
  }
  if (facts.status !== undefined) return service(facts, context, error);
  return new AppError('other', facts.message || facts.name, { code: facts.name, cause: error });
}
