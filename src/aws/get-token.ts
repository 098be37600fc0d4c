import {
  GetIdentityCenterAuthTokenCommand,
  type GetIdentityCenterAuthTokenCommandOutput,
  type RedshiftClient,
} from '@aws-sdk/client-redshift';
import type { AuthToken } from '../domain/cluster.js';
import { checkAnswers } from './answer-check.js';
import type { CommandHook } from './command-hook.js';
import { UnreadableAnswer } from './unreadable-answer.js';

export interface GetTokenOptions {
  signal?: AbortSignal;
  withCommand?: CommandHook;
}

/** C0 and C1 controls, DEL, and bidi overrides and isolates: no real token holds one, and on a terminal they are commands. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export type TokenAnswer = GetIdentityCenterAuthTokenCommandOutput & { Token: string; ExpirationTime: Date };

/** A token answer has a Token of printable text and a valid ExpirationTime; anything else is unreadable, never printed. */
function checkToken(output: GetIdentityCenterAuthTokenCommandOutput): TokenAnswer {
  const { Token: token, ExpirationTime: expiresAt } = output;
  const unreadable = (reason: string) => new UnreadableAnswer('Redshift', reason);
  if (typeof token !== 'string' || token === '') throw unreadable('GetIdentityCenterAuthToken got no Token');
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
    throw unreadable('GetIdentityCenterAuthToken got no ExpirationTime');
  }
  if (CONTROL.test(token)) throw unreadable('GetIdentityCenterAuthToken got a Token with control characters, which no real token has');
  return output as TokenAnswer;
}

/** GetIdentityCenterAuthToken as the SDK returns it, for scripted output, once its Token and ExpirationTime are checked. No client-side validation of the IDs. */
export async function getTokenRaw(
  client: RedshiftClient,
  clusterIds: readonly string[],
  options: GetTokenOptions = {},
): Promise<TokenAnswer> {
  const command = new GetIdentityCenterAuthTokenCommand({ ClusterIds: [...clusterIds] });
  checkAnswers(command.middlewareStack, { service: 'Redshift', action: 'GetIdentityCenterAuthToken' });
  const output = await client.send(options.withCommand ? options.withCommand(command) : command, { abortSignal: options.signal });
  return checkToken(output);
}

export function toAuthToken(output: TokenAnswer): AuthToken {
  return { token: output.Token, expiresAt: output.ExpirationTime };
}

export async function getToken(client: RedshiftClient, clusterIds: readonly string[], options: GetTokenOptions = {}): Promise<AuthToken> {
  return toAuthToken(await getTokenRaw(client, clusterIds, options));
}
