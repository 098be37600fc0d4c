import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { checkAnswers } from './answer-check.js';
import { createStsClient } from './client.js';
import type { AwsClientOptions } from './client-options.js';
import { UnreadableAnswer } from './unreadable-answer.js';

import type { CallerIdentity, SessionInfo } from './workspace-types.js';

export type { CallerIdentity, SessionInfo } from './workspace-types.js';

export interface AwsSessionInfo extends SessionInfo {
  destroy(): void;
}

interface CredentialsHolder {
  credentials?: () => Promise<{ expiration?: Date }>;
}

/** A SessionInfo over the SDK: its own STS client, the same credential chain as the Redshift client. */
export function createSessionInfo(options: AwsClientOptions = {}): AwsSessionInfo {
  const client = createStsClient({ ...options, maxAttempts: options.maxAttempts ?? 2 });
  // Ends a call still waiting on destroy: without it the SDK retries on a new connection.
  const closing = new AbortController();
  let identity: Promise<CallerIdentity> | undefined;
  const ask = async (): Promise<CallerIdentity> => {
    const command = new GetCallerIdentityCommand({});
    checkAnswers(command.middlewareStack, { service: 'STS', action: 'GetCallerIdentity' });
    const out = await client.send(command, { abortSignal: closing.signal });
    if (!out.Account || !out.Arn) throw new UnreadableAnswer('STS', 'GetCallerIdentity got no Account or Arn');
    return { account: out.Account, arn: out.Arn };
  };
  return {
    identity() {
      identity ??= ask();
      identity.catch(() => {
        identity = undefined;
      });
      return identity;
    },
    async credentialsExpiry() {
      const provider = (client.config as unknown as CredentialsHolder).credentials;
      if (typeof provider !== 'function') return undefined;
      const credentials = await provider();
      return credentials.expiration instanceof Date ? credentials.expiration : undefined;
    },
    destroy: () => {
      closing.abort();
      client.destroy();
    },
  };
}
