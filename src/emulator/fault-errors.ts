import { CALLER_ARN } from './actions/get-caller-identity.js';
import { ACCOUNT_ID, REGION } from './emulator-cluster.js';
import type { FaultKind } from './faults.js';
import { QueryError } from './query-protocol.js';

/** The error AWS would answer with for a fault kind that ends in an error response. */
export function faultError(kind: FaultKind, action: string): QueryError | undefined {
  switch (kind) {
    case 'throttle':
      return new QueryError(400, 'Throttling', 'Rate exceeded');
    case '500':
      return new QueryError(
        500,
        'InternalFailure',
        'The request processing has failed because of an unknown error, exception or failure.',
      );
    case '503':
      return new QueryError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
    case 'expired-creds':
      return new QueryError(403, 'ExpiredToken', 'The security token included in the request is expired');
    case 'unsupported':
      return new QueryError(
        400,
        'UnsupportedOperation',
        'GetIdentityCenterAuthToken requires identity-enhanced credentials. ' +
          'The credentials used to sign this request do not contain an IAM Identity Center identity context.',
      );
    case 'denied':
      return new QueryError(
        403,
        'AccessDenied',
        `User: ${CALLER_ARN} is not authorized to perform: redshift:${action} on resource: ` +
          `arn:aws:redshift:${REGION}:${ACCOUNT_ID}:cluster:* because no identity-based policy allows the redshift:${action} action`,
      );
    default:
      return undefined;
  }
}
