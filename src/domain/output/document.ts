import { NaiveTimestamp } from './python-values.js';
import { formatTimestamp, type TimestampFormat } from './timestamp.js';

/** The operation name the CLI uses as the table title. */
export const OPERATION_NAME = 'GetIdentityCenterAuthToken';

/** What GetIdentityCenterAuthToken returns, as the SDK hands it over (metadata ignored). */
export interface TokenResponse {
  Token?: string;
  ExpirationTime?: Date;
}

/**
 * The response as the CLI sees it before --query: the model's members in the model's order
 * (Token, then ExpirationTime), absent members left out, the timestamp already formatted.
 */
export function tokenDocument(response: TokenResponse, timestampFormat: TimestampFormat): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  if (response.Token !== undefined) doc['Token'] = response.Token;
  if (response.ExpirationTime !== undefined) doc['ExpirationTime'] = formatTimestamp(response.ExpirationTime, timestampFormat);
  return doc;
}

/** `--generate-cli-skeleton input`: every input member with an empty sample value. */
export function inputSkeleton(): Record<string, unknown> {
  return { ClusterIds: [''] };
}

/**
 * `--generate-cli-skeleton output`: the CLI fills strings with the member name and timestamps
 * with the epoch as a zone-less datetime, then formats it like a real answer.
 */
export function outputSkeleton(): Record<string, unknown> {
  return { Token: 'Token', ExpirationTime: new NaiveTimestamp('1970-01-01T00:00:00') };
}
