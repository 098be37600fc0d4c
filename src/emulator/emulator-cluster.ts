export type ClusterStatus =
  | 'available'
  | 'available, prep-for-resize'
  | 'available, resize-cleanup'
  | 'cancelling-resize'
  | 'creating'
  | 'deleting'
  | 'final-snapshot'
  | 'hardware-failure'
  | 'incompatible-hsm'
  | 'incompatible-network'
  | 'incompatible-parameters'
  | 'incompatible-restore'
  | 'modifying'
  | 'paused'
  | 'rebooting'
  | 'renaming'
  | 'resizing'
  | 'resuming'
  | 'rotating-keys'
  | 'storage-full'
  | 'updating-hsm';

export type ClusterAvailabilityStatus = 'Available' | 'Unavailable' | 'Maintenance' | 'Modifying' | 'Failed';

export interface EmulatorTag {
  key: string;
  value: string;
}

/** A cluster as the emulator serves it; close to the model's Cluster shape. */
export interface EmulatorCluster {
  identifier: string;
  status: ClusterStatus;
  availabilityStatus: ClusterAvailabilityStatus;
  nodeType: string;
  numberOfNodes: number;
  dbName?: string;
  endpoint?: { address: string; port: number };
  availabilityZone: string;
  masterUsername: string;
  /** ISO 8601 */
  clusterCreateTime: string;
  tags: EmulatorTag[];
  clusterVersion?: string;
  vpcId?: string;
  encrypted?: boolean;
  publiclyAccessible?: boolean;
  preferredMaintenanceWindow?: string;
}

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';
export const ENDPOINT_DOMAIN = `abc123xyz.${REGION}.redshift.amazonaws.com`;

export function availabilityFor(status: ClusterStatus): ClusterAvailabilityStatus {
  if (status.startsWith('available')) return 'Available';
  if (status === 'modifying' || status === 'resizing' || status === 'renaming') return 'Modifying';
  if (status === 'rebooting' || status === 'rotating-keys' || status === 'updating-hsm') return 'Maintenance';
  if (status.startsWith('incompatible') || status === 'hardware-failure') return 'Failed';
  return 'Unavailable';
}

/** Clusters still being created have neither endpoint nor database yet. */
export function hasEndpoint(status: ClusterStatus): boolean {
  return status !== 'creating';
}
