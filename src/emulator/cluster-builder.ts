import {
  ENDPOINT_DOMAIN,
  availabilityFor,
  hasEndpoint,
  type ClusterStatus,
  type EmulatorCluster,
} from './emulator-cluster.js';

export interface ClusterSeed {
  identifier: string;
  status: ClusterStatus;
  nodeType: string;
  numberOfNodes: number;
  dbName: string;
  availabilityZone: string;
  createdAt: string;
  tags: Record<string, string>;
}

export function buildCluster(seed: ClusterSeed): EmulatorCluster {
  const reachable = hasEndpoint(seed.status);
  return {
    identifier: seed.identifier,
    status: seed.status,
    availabilityStatus: availabilityFor(seed.status),
    nodeType: seed.nodeType,
    numberOfNodes: seed.numberOfNodes,
    ...(reachable && {
      dbName: seed.dbName,
      endpoint: { address: `${seed.identifier}.${ENDPOINT_DOMAIN}`, port: 5439 },
    }),
    availabilityZone: seed.availabilityZone,
    masterUsername: 'awsuser',
    clusterCreateTime: seed.createdAt,
    tags: Object.entries(seed.tags).map(([key, value]) => ({ key, value })),
  };
}
