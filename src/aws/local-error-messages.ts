import { AppError } from '../domain/errors.js';
import { loginHint, type ErrorContext } from './error-context.js';
import type { ErrorFacts } from './error-facts.js';

const config = (message: string, hint: string, error: unknown): AppError =>
  new AppError('config', message, { hint, cause: error });

const credentials = (message: string, hint: string, error: unknown): AppError =>
  new AppError('credentials', message, { hint, cause: error });

export function unknownProfileError(profile: string, cause?: unknown): AppError {
  return credentials(
    `Profile "${profile}" is not defined in the AWS config or credentials file.`,
    'Check the name (aws configure list-profiles), --profile and AWS_PROFILE.',
    cause,
  );
}

export function credentialsProblem(facts: ErrorFacts, context: ErrorContext, error: unknown): AppError | undefined {
  const message = facts.message;
  const isProviderError = /^(CredentialsProviderError|TokenProviderError|ProviderError)$/u.test(facts.name);
  const profile = context.profile ?? 'default';
  if (isProviderError && /sso session|token is expired|aws sso login/iu.test(message)) {
    return credentials(`The SSO session for profile ${profile} has expired or is not valid.`, loginHint(context), error);
  }
  const missingProfile = /Profile '?([^'\s]+)'? (?:was not found|could not be found)/u.exec(message);
  if (missingProfile?.[1] !== undefined) return unknownProfileError(missingProfile[1], error);
  if (/Could not load credentials from any providers|Could not resolve credentials using profile/u.test(message)) {
    return config(
      `No AWS credentials found for profile ${profile}.`,
      'Run aws configure or aws sso login, or choose a profile with --profile or AWS_PROFILE.',
      error,
    );
  }
  if (isProviderError) return credentials(`Cannot get AWS credentials: ${message}`, 'Check the profile and its credential settings.', error);
  return undefined;
}

export function regionProblem(facts: ErrorFacts, error: unknown): AppError | undefined {
  if (!/Region is missing|expected `region` to be configured/u.test(facts.message)) return undefined;
  return config('No AWS region is set.', 'Pass --region, set AWS_REGION, or add region to the profile in ~/.aws/config.', error);
}

export const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPROTO: 'protocol error (HTTP vs HTTPS?)',
};

export const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|ERR_TLS|ERR_SSL/u;

export function networkProblem(facts: ErrorFacts, context: ErrorContext, error: unknown): AppError | undefined {
  const target = context.endpoint ?? 'the Redshift endpoint';
  const network = (message: string, hint: string) =>
    new AppError('network', message, { hint, code: facts.errno ?? facts.name, retryable: true, cause: error });
  if (facts.errno !== undefined && TLS_CODE.test(facts.errno)) {
    return new AppError('network', `The TLS certificate of ${target} is not trusted (${facts.errno}).`, {
      hint: 'Pass --ca-bundle with the CA that signed it, or --no-verify-ssl to skip the check (unsafe).',
      code: facts.errno,
      cause: error,
    });
  }
  const reason = facts.errno === undefined ? undefined : NETWORK_CODES[facts.errno];
  if (reason !== undefined || /socket hang up/u.test(facts.message)) {
    return network(`Cannot reach ${target}: ${reason ?? 'connection closed'}.`, 'Check the endpoint URL, the network and any proxy.');
  }
  if (facts.name === 'TimeoutError') {
    const deadline = /attempt deadline of (\d+) ms/u.exec(facts.message)?.[1];
    if (deadline !== undefined) {
      return network(
        `${target} did not finish its answer within ${Number(deadline) / 1000} s.`,
        'Retry; one attempt may take --cli-connect-timeout plus --cli-read-timeout seconds (0 in either = no limit).',
      );
    }
    return /establish a connection/u.test(facts.message)
      ? network(`Timed out connecting to ${target}.`, 'Check the network, or raise --cli-connect-timeout (seconds, 0 = none).')
      : network(`${target} did not answer in time.`, 'Retry, or raise --cli-read-timeout (seconds, 0 = none).');
  }
  return undefined;
}
