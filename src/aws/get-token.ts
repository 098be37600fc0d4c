import {
  GetIdentityCenterAuthTokenCommand,
  type GetIdentityCenterAuthTokenCommandOutput,
  type RedshiftClient,
} from '@aws-sdk/client-redshift';
import type { AuthToken } from '../domain/cluster.js';
import { AppError } from '../domain/errors.js';
import type { CommandHook } from './command-hook.js';

export interface GetTokenOptions {
  signal?: AbortSignal;
  withCommand?: CommandHook;
}

/** GetIdentityCenterAuthToken as the SDK returns it, for scripted output. No client-side validation of the IDs. */
export function getTokenRaw(
  client: RedshiftClient,
  clusterIds: readonly string[],
  options: GetTokenOptions = {},
): Promise<GetIdentityCenterAuthTokenCommandOutput> {
  const command = new GetIdentityCenterAuthTokenCommand({ ClusterIds: [...clusterIds] });
  return client.send(options.withCommand ? options.withCommand(command) : command, { abortSignal: options.signal });
}

export function toAuthToken(output: GetIdentityCenterAuthTokenCommandOutput): AuthToken {
  const { Token: token, ExpirationTime: expiresAt } = output;
  if (!token || !(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
    const missing = !token ? 'Token' : 'ExpirationTime';
    throw new AppError('service', `Redshift answered without a ${missing}.`, {
      hint: 'Retry; if it keeps happening, run with --debug.',
      code: 'IncompleteResponse',
      retryable: true,
    });
  }
  return { token, expiresAt };
}

export async function getToken(client: RedshiftClient, clusterIds: readonly string[], options: GetTokenOptions = {}): Promise<AuthToken> {
  return toAuthToken(await getTokenRaw(client, clusterIds, options));
}
