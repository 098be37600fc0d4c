import { randomBytes, randomInt } from 'node:crypto';
import { QueryError, el, listParam, type Params } from '../query-protocol.js';
import type { Action } from './action.js';

const MAX_CLUSTER_IDS = 20;
const ID_PATTERN = /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}$/;
const PAST_EXPIRY_SECONDS = 300;

function invalidParameter(message: string): QueryError {
  return new QueryError(400, 'RedshiftInvalidParameter', message);
}

function clusterIds(params: Params): string[] {
  const ids = listParam(params, 'ClusterIds', 'ClusterIdentifier', 'RedshiftInvalidParameter') ?? [];
  if (ids.length === 0) throw invalidParameter('ClusterIds must contain at least 1 cluster identifier.');
  if (ids.length > MAX_CLUSTER_IDS) {
    throw invalidParameter(`ClusterIds can hold a maximum of ${MAX_CLUSTER_IDS} cluster identifiers, but ${ids.length} were given.`);
  }
  for (const id of ids) {
    if (!ID_PATTERN.test(id) || id.endsWith('-')) {
      throw invalidParameter(
        `Invalid cluster identifier: ${id}. Cluster identifiers must be 1 to 63 alphanumeric characters or hyphens, ` +
          `start with a letter, and can't end with a hyphen or contain two consecutive hyphens.`,
      );
    }
  }
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw invalidParameter(`Duplicate cluster identifier: ${duplicate}.`);
  return ids;
}

/** Opaque, standard-alphabet base64 (with padding) of 1–2 KB, like the real encrypted token. */
function newToken(): string {
  const bytes = 3 * randomInt(300, 450) + randomInt(1, 3);
  return randomBytes(bytes).toString('base64');
}

export const getIdentityCenterAuthToken: Action = ({ params, clusters, nowMs, tokenTtlSeconds, faults }) => {
  for (const id of clusterIds(params)) {
    const cluster = clusters.find((c) => c.identifier === id);
    if (!cluster) throw new QueryError(404, 'ClusterNotFound', `Cluster ${id} not found.`);
    if (cluster.status !== 'available') {
      throw new QueryError(
        400,
        'InvalidClusterState',
        `Cluster ${id} is not in the available state. Its current state is ${cluster.status}.`,
      );
    }
  }
  const ttlSeconds = faults.take(['past-expiry']) ? -PAST_EXPIRY_SECONDS : tokenTtlSeconds;
  const expiration = new Date(Math.floor(nowMs / 1000) * 1000 + ttlSeconds * 1000);
  return el('Token', newToken()) + el('ExpirationTime', expiration.toISOString());
};
