import { AppError } from '../domain/errors.js';
import { afterAttempts, loginHint, namesList, quotedList, where, type ErrorContext } from './error-context.js';
import type { ErrorFacts } from './error-facts.js';

type Mapper = (facts: ErrorFacts, context: ErrorContext, error: unknown) => AppError;

export const service = (message: string, facts: ErrorFacts, error: unknown, hint?: string, retryable = false): AppError =>
  new AppError('service', message, { hint, code: facts.code, retryable, cause: error });

function idsNamedIn(message: string, ids: readonly string[]): string[] {
  const escape = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return ids.filter((id) => new RegExp(`(?<![A-Za-z0-9-])${escape(id)}(?![A-Za-z0-9-])`, 'iu').test(message));
}

const clusterNotFound: Mapper = (facts, context, error) => {
  const ids = context.clusterIds ?? [];
  const named = ids.length === 1 ? ids : idsNamedIn(facts.message, ids);
  const message =
    named.length === 1
      ? `Cluster "${named[0]}" was not found${where(context)}.`
      : ids.length > 1
        ? `At least one of the clusters ${quotedList(ids)} was not found${where(context)}.`
        : `Cluster not found${where(context)}: ${facts.message}`;
  return service(message, facts, error, 'Check the cluster IDs, and that the region and profile are the ones that hold them.');
};

const invalidClusterState: Mapper = (facts, _context, error) =>
  service(
    `A token needs every cluster to be available: ${facts.message}`,
    facts,
    error,
    'Resume a paused cluster (aws redshift resume-cluster --cluster-identifier ID), or wait until it is available.',
  );

const unsupportedOperation: Mapper = (facts, _context, error) =>
  service(
    'Redshift gives Identity Center tokens only to identity-enhanced IAM role sessions, and these credentials are not one.',
    facts,
    error,
    'Use credentials from IAM Identity Center trusted identity propagation: sso-oauth CreateTokenWithIAM, then sts AssumeRole with ProvidedContexts.',
  );

const invalidParameter: Mapper = (facts, _context, error) =>
  service(`Redshift rejected the request: ${facts.message}`, facts, error, 'Check the cluster IDs: 1 to 20, each a valid identifier.');

const accessDenied: Mapper = (facts, context, error) => {
  const listing = context.action === 'DescribeClusters';
  const hint = listing
    ? 'Type the cluster IDs by hand instead (i in the list, or --cluster-ids).'
    : 'Ask an administrator for redshift:GetIdentityCenterAuthToken on these clusters.';
  return service(`Access denied: these credentials may not call redshift:${context.action}${where(context)}.`, facts, error, hint);
};

const expiredToken: Mapper = (facts, context, error) => {
  const variables = context.environmentVariables;
  if (variables === undefined) return service(`Your AWS credentials have expired${where(context)}.`, facts, error, loginHint(context));
  return service(
    `The AWS credentials from the environment (${variables.join(', ')}) have expired${where({ ...context, profile: undefined })}.`,
    facts,
    error,
    `Set ${namesList(variables)} to fresh credentials, or unset them to use a profile, then retry.`,
  );
};

const throttled: Mapper = (facts, _context, error) =>
  service(`Redshift is throttling requests${afterAttempts(facts.attempts)}.`, facts, error, 'Wait a moment and retry.', true);

export const serverError: Mapper = (facts, _context, error) => {
  const status = facts.status ? ` (HTTP ${facts.status} ${facts.code})` : ` (${facts.code})`;
  return service(`Redshift had a server error${status}${afterAttempts(facts.attempts)}.`, facts, error, 'Retry in a moment.', true);
};

const unsigned: Mapper = (facts, _context, error) =>
  service('Redshift requires signed requests, and this one was sent unsigned.', facts, error, 'Drop --no-sign-request so the request is signed with your credentials.');

const badCredentials: Mapper = (facts, context, error) => {
  const variables = context.environmentVariables;
  const hint =
    variables === undefined
      ? 'Check the access key, or the profile in use (--profile, AWS_PROFILE).'
      : `Check ${namesList(variables)} (the credentials come from the environment), or unset them to use a profile.`;
  const from = variables === undefined ? context : { ...context, profile: undefined };
  return service(`AWS did not accept these credentials${where(from)}: ${facts.message}`, facts, error, hint);
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
