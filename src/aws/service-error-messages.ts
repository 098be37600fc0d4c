import { STATUS_CODES } from 'node:http';
import { AppError } from '../domain/errors.js';
import { loginHint, namesList, quotedList, where, type ErrorContext } from './error-context.js';
import type { ErrorFacts } from './error-facts.js';

type Mapper = (facts: ErrorFacts, context: ErrorContext, error: unknown) => AppError;

/**
 * The AWS CLI's own line for a service error (botocore's ClientError), which scripts grep for:
 * "An error occurred (Code) when calling the Op operation (reached max retries: 2): message", the
 * retries named whenever the error is one the SDK retries (0 with a single attempt). A 5xx
 * without an AWS error document gets botocore's generic code and message: the status and its reason.
 */
export function awsCliLine(facts: ErrorFacts, context: ErrorContext, retried: boolean): string {
  const generic = facts.wireCode === undefined && facts.status !== undefined && facts.status >= 500;
  const code = generic ? String(facts.status) : (facts.wireCode ?? facts.code);
  const message = generic ? (STATUS_CODES[facts.status ?? 0] ?? 'Unknown') : facts.message || 'Unknown';
  const retries = retried ? ` (reached max retries: ${(facts.attempts ?? 1) - 1})` : '';
  return `An error occurred (${code}) when calling the ${context.action} operation${retries}: ${message}`;
}

/** The AWS CLI's line first, whole; then our remedy on the second line. */
export const service = (facts: ErrorFacts, context: ErrorContext, error: unknown, hint?: string, retryable = false): AppError =>
  new AppError('service', awsCliLine(facts, context, retryable), { hint, code: facts.code, retryable, cause: error });

function idsNamedIn(message: string, ids: readonly string[]): string[] {
  const escape = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return ids.filter((id) => new RegExp(`(?<![A-Za-z0-9-])${escape(id)}(?![A-Za-z0-9-])`, 'iu').test(message));
}

const clusterNotFound: Mapper = (facts, context, error) => {
  const ids = context.clusterIds ?? [];
  const named = ids.length === 1 ? ids : idsNamedIn(facts.message, ids);
  const which = named.length === 1 ? `the cluster ID "${named[0]}"` : ids.length > 1 ? `the cluster IDs ${quotedList(ids)}` : 'the cluster IDs';
  return service(facts, context, error, `Check ${which}, and that the region and profile${where(context)} are the ones that hold them.`);
};

const invalidClusterState: Mapper = (facts, context, error) =>
  service(facts, context, error, 'A token needs every cluster available: resume a paused cluster (aws redshift resume-cluster --cluster-identifier ID), or wait.');

const unsupportedOperation: Mapper = (facts, context, error) =>
  service(
    facts,
    context,
    error,
    'Redshift gives Identity Center tokens only to identity-enhanced IAM role sessions: use sso-oauth CreateTokenWithIAM, then sts AssumeRole with ProvidedContexts.',
  );

const invalidParameter: Mapper = (facts, context, error) => service(facts, context, error, 'Check the cluster IDs: 1 to 20, each a valid identifier.');

const accessDenied: Mapper = (facts, context, error) => {
  const hint =
    context.action === 'DescribeClusters'
      ? `These credentials${where(context)} may not list clusters: type the cluster IDs by hand instead (i in the list, or --cluster-ids).`
      : `Ask an administrator for redshift:${context.action} on these clusters for these credentials${where(context)}.`;
  return service(facts, context, error, hint);
};

const expiredToken: Mapper = (facts, context, error) => {
  const variables = context.environmentVariables;
  if (variables === undefined) return service(facts, context, error, `The credentials${where(context)} have expired. ${loginHint(context)}`);
  return service(
    facts,
    context,
    error,
    `The AWS credentials from the environment (${variables.join(', ')}) have expired${where({ ...context, profile: undefined })}. Set ${namesList(variables)} to fresh credentials, or unset them to use a profile, then retry.`,
  );
};

const throttled: Mapper = (facts, context, error) => service(facts, context, error, 'Redshift is throttling requests: wait a moment and retry.', true);

export const serverError: Mapper = (facts, context, error) => service(facts, context, error, 'Redshift had a server error: retry in a moment.', true);

const unsigned: Mapper = (facts, context, error) =>
  service(facts, context, error, 'Redshift requires signed requests: drop --no-sign-request so the request is signed with your credentials.');

const badCredentials: Mapper = (facts, context, error) => {
  const variables = context.environmentVariables;
  const hint =
    variables === undefined
      ? `AWS did not accept these credentials${where(context)}: check the access key, or the profile in use (--profile, AWS_PROFILE).`
      : `AWS did not accept the credentials from the environment${where({ ...context, profile: undefined })}: check ${namesList(variables)}, or unset them to use a profile.`;
  return service(facts, context, error, hint);
};

const mappers: Record<string, Mapper> = {
  ClusterNotFound: clusterNotFound,
  InvalidClusterState: invalidClusterState,
  UnsupportedOperation: unsupportedOperation,
  RedshiftInvalidParameter: invalidParameter,
  InvalidParameterValue: invalidParameter,
  InvalidParameterCombination: invalidParameter,
  AccessDenied: accessDenied,
  UnauthorizedOperation: accessDenied,
  ExpiredToken: expiredToken,
  RequestExpired: expiredToken,
  Throttling: throttled,
  TooManyRequests: throttled,
  RequestLimitExceeded: throttled,
  InternalFailure: serverError,
  InternalError: serverError,
  InternalServerError: serverError,
  ServiceUnavailable: serverError,
  MissingAuthenticationToken: unsigned,
  InvalidClientTokenId: badCredentials,
  UnrecognizedClient: badCredentials,
  SignatureDoesNotMatch: badCredentials,
  IncompleteSignature: badCredentials,
};

/** The message for an error code the service answered with, if it is one we know. */
export function serviceError(facts: ErrorFacts, context: ErrorContext, error: unknown): AppError | undefined {
  return mappers[facts.code]?.(facts, context, error);
}
