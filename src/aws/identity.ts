import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createStsClient } from './client.js';
import type { AwsClientOptions } from './client-options.js';

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
  return {
    identity() {
      identity ??= client.send(new GetCallerIdentityCommand({}), { abortSignal: closing.signal }).then((out) => {
        if (!out.Account || !out.Arn) throw new Error('GetCallerIdentity answered without Account or Arn.');
        return { account: out.Account, arn: out.Arn };
      });
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
