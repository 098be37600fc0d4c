import type { RedshiftClient } from '@aws-sdk/client-redshift';
import type { AuthToken } from '../domain/cluster.js';

/**
 * The AWS SDK's clock-skew correction: after every signed answer, the SigV4 signer's
 * successHandler (and, on a skew error such as SignatureDoesNotMatch, its errorHandler) sets
 * `config.systemClockOffset = Date.parse(response Date header) - Date.now()`
 * (@aws-sdk/core, httpAuthSchemes: AwsSdkSigV4Signer.successHandler / getUpdatedSystemClockOffset),
 * then signs later requests with `Date.now() + systemClockOffset`. The token's ExpirationTime is on
 * the server's clock, so the same offset turns it into local time for the countdown.
 * Unsigned requests (--no-sign-request) never set it; then it stays 0 and nothing is attached.
 */
export function readClockOffset(client: Pick<RedshiftClient, 'config'>): number | undefined {
  const offset = (client.config as { systemClockOffset?: unknown }).systemClockOffset;
  return typeof offset === 'number' && Number.isFinite(offset) ? offset : undefined;
}

export function withClockOffset(token: AuthToken, client: Pick<RedshiftClient, 'config'>): AuthToken {
  const offset = readClockOffset(client);
  return offset === undefined ? token : { ...token, clockOffsetMs: offset };
}
