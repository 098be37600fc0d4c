import type { AwsCredentialIdentity } from '@smithy/types';
import { AppError } from '../domain/errors.js';
import { CredentialProcessFailure, processProvider } from './credential-process.js';
import { credentialSource, type CredentialSource } from './credential-source.js';
import { readFacts } from './error-facts.js';
import { NETWORK_CODES } from './local-error-messages.js';

/** The credential chain failed, for a source we can name: the error and where the credentials were to come from. */
export class CredentialsFailure extends Error {
  constructor(
    readonly source: CredentialSource,
    readonly reason: unknown,
  ) {
    super(readFacts(reason).message);
    this.name = 'CredentialsFailure';
  }
}

type Provider = ((props?: unknown) => Promise<AwsCredentialIdentity>) & { memoized?: boolean };

/**
 * Wraps the client's credential provider so that a failure says where the credentials were to come
 * from; a credential_process profile is run by our own runner, which keeps the process's stderr and
 * exit status that the SDK's drops.
 */
export function nameCredentialFailures(config: object, profile: string | undefined): void {
  const holder = config as { credentials?: unknown };
  if (typeof holder.credentials !== 'function') return;
  const sdk = holder.credentials as Provider;
  let source: Promise<CredentialSource> | undefined;
  let own: (() => Promise<AwsCredentialIdentity>) | undefined;
  const fallback = (): CredentialSource => ({ kind: 'other', profile: profile ?? 'default' });
  const provider = async (props?: unknown): Promise<AwsCredentialIdentity> => {
    const from = await (source ??= credentialSource(profile).catch(fallback));
    if (from.kind === 'process') own ??= processProvider(from.profile, from.command);
    try {
      return own ? await own() : await sdk(props);
    } catch (error) {
      throw from.kind === 'process' || from.kind === 'role' ? new CredentialsFailure(from, error) : error;
    }
  };
  holder.credentials = Object.assign(provider, { memoized: sdk.memoized, configBound: true });
}

function processFailure(failure: CredentialProcessFailure, error: unknown): AppError {
  const said = failure.stderr === undefined ? ', and said nothing on stderr.' : `: ${failure.stderr}`;
  return new AppError('other', `${failure.message}${said}`, {
    hint: "Run the profile's credential_process command by hand to see why, fix it, then retry.",
    code: 'CredentialProcessError',
    cause: error,
  });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function roleFailure(source: Extract<CredentialSource, { kind: 'role' }>, reason: unknown, error: unknown): AppError {
  const role = `role ${source.roleArn}`;
  const of = `profile ${source.profile}`;
  if (source.sourceMissing) {
    return new AppError('other', `Profile ${source.profile} assumes ${role} with source_profile ${source.sourceProfile ?? ''}, which is not defined in the AWS config or credentials file.`, {
      hint: `Define profile ${source.sourceProfile ?? ''}, or fix source_profile in profile ${source.profile}.`,
      cause: error,
    });
  }
  const facts = readFacts(reason);
  if (facts.status !== undefined) {
    const denied = /^(AccessDenied|AccessDeniedException)$/u.test(facts.code);
    return new AppError('service', `STS refused AssumeRole of ${role} for ${of}: ${facts.code}: ${facts.message}`, {
      hint: denied
        ? "Check that the role's trust policy lets the source credentials call sts:AssumeRole, and role_arn in the profile."
        : `Check role_arn and the source credentials of profile ${source.profile}.`,
      code: facts.code,
      cause: error,
    });
  }
  const networkReason = facts.errno === undefined ? undefined : NETWORK_CODES[facts.errno];
  if (networkReason !== undefined || facts.name === 'TimeoutError' || /socket hang up/u.test(facts.message)) {
    const address = field(reason, 'address') ?? field(field(reason, 'cause'), 'address');
    const port = field(reason, 'port') ?? field(field(reason, 'cause'), 'port');
    const at = typeof address === 'string' ? ` (${address}${typeof port === 'number' ? `:${port}` : ''})` : '';
    return new AppError('network', `Cannot reach STS${at} to assume ${role} for ${of}: ${networkReason ?? facts.message}.`, {
      hint: "Check the network and any proxy, and STS's endpoint (AWS_ENDPOINT_URL_STS, the profile's sts endpoint_url, its region).",
      code: facts.errno ?? facts.name,
      retryable: true,
      cause: error,
    });
  }
  return new AppError('config', `Cannot assume ${role} for ${of}: ${facts.message}`, {
    hint: `Check role_arn, source_profile or credential_source in profile ${source.profile}.`,
    cause: error,
  });
}

/** The message for a failure of the credential chain whose source we know; undefined to explain the error itself. */
export function credentialsFailureError(error: CredentialsFailure): AppError | undefined {
  if (error.reason instanceof CredentialProcessFailure) return processFailure(error.reason, error);
  if (error.source.kind === 'role') return roleFailure(error.source, error.reason, error);
  return undefined;
}
