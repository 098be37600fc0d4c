import type { FaultKind } from '../faults.js';
import { REDSHIFT_NAMESPACE, STS_NAMESPACE } from '../query-protocol.js';
import type { Action } from './action.js';
import { describeClusters } from './describe-clusters.js';
import { getCallerIdentity } from './get-caller-identity.js';
import { getIdentityCenterAuthToken } from './get-identity-center-auth-token.js';

export interface Operation {
  name: string;
  namespace: string;
  version: string;
  run: Action;
  /** Faults that turn into an error answer for this operation, besides slow and reset. */
  errorFaults: readonly FaultKind[];
  /** Whether skew and malformed apply. */
  redshift: boolean;
}

const REDSHIFT_VERSION = '2012-12-01';
const COMMON_ERROR_FAULTS: readonly FaultKind[] = ['expired-creds', 'throttle', '500', '503'];

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'DescribeClusters',
    namespace: REDSHIFT_NAMESPACE,
    version: REDSHIFT_VERSION,
    run: describeClusters,
    errorFaults: [...COMMON_ERROR_FAULTS, 'denied'],
    redshift: true,
  },
  {
    name: 'GetIdentityCenterAuthToken',
    namespace: REDSHIFT_NAMESPACE,
    version: REDSHIFT_VERSION,
    run: getIdentityCenterAuthToken,
    errorFaults: [...COMMON_ERROR_FAULTS, 'unsupported'],
    redshift: true,
  },
  {
    name: 'GetCallerIdentity',
    namespace: STS_NAMESPACE,
    version: '2011-06-15',
    run: getCallerIdentity,
    errorFaults: [],
    redshift: false,
  },
];

export function findOperation(name: string | undefined): Operation | undefined {
  return OPERATIONS.find((op) => op.name === name);
}
