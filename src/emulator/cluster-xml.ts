import { createHash } from 'node:crypto';
import { ACCOUNT_ID, REGION, type EmulatorCluster } from './emulator-cluster.js';
import { el, list, wrap } from './query-protocol.js';

const NODE_STORAGE_MB: Record<string, number> = {
  'ra3.xlplus': 33_554_432,
  'ra3.4xlarge': 134_217_728,
  'ra3.16xlarge': 134_217_728,
  'dc2.large': 163_840,
};

function digest(identifier: string): string {
  return createHash('sha256').update(identifier).digest('hex');
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function nodesXml(c: EmulatorCluster, hex: string): string {
  if (!c.endpoint) return '';
  const subnet = parseInt(hex.slice(0, 2), 16);
  const roles = c.numberOfNodes > 1 ? ['LEADER', ...Array.from({ length: c.numberOfNodes }, (_, i) => `COMPUTE-${i}`)] : ['SHARED'];
  const nodes = roles.map((role, i) => ({ role, ip: `10.${subnet}.${Math.floor(i / 200)}.${10 + (i % 200)}` }));
  return list('ClusterNodes', 'member', nodes, (n) => el('NodeRole', n.role) + el('PrivateIPAddress', n.ip));
}

/** One <Cluster> element's content, members in the order AWS returns them. */
export function clusterXml(c: EmulatorCluster): string {
  const hex = digest(c.identifier);
  const vpcId = c.vpcId ?? `vpc-${hex.slice(30, 47)}`;
  const storage = (NODE_STORAGE_MB[c.nodeType] ?? 134_217_728) * c.numberOfNodes;
  return [
    el('ClusterIdentifier', c.identifier),
    el('NodeType', c.nodeType),
    el('ClusterStatus', c.status),
    el('ClusterAvailabilityStatus', c.availabilityStatus),
    el('MasterUsername', c.masterUsername),
    el('DBName', c.dbName),
    c.endpoint ? wrap('Endpoint', el('Address', c.endpoint.address) + el('Port', c.endpoint.port)) : '',
    el('ClusterCreateTime', c.clusterCreateTime),
    el('AutomatedSnapshotRetentionPeriod', 1),
    el('ManualSnapshotRetentionPeriod', -1),
    wrap('ClusterSecurityGroups', ''),
    wrap('VpcSecurityGroups', wrap('VpcSecurityGroup', el('VpcSecurityGroupId', `sg-${hex.slice(47, 64)}`) + el('Status', 'active'))),
    wrap(
      'ClusterParameterGroups',
      wrap('ClusterParameterGroup', el('ParameterGroupName', 'default.redshift-2.0') + el('ParameterApplyStatus', 'in-sync')),
    ),
    el('ClusterSubnetGroupName', 'default'),
    el('VpcId', vpcId),
    el('AvailabilityZone', c.availabilityZone),
    el('PreferredMaintenanceWindow', c.preferredMaintenanceWindow ?? 'sun:06:30-sun:07:00'),
    wrap('PendingModifiedValues', ''),
    el('ClusterVersion', c.clusterVersion ?? '1.0'),
    el('AllowVersionUpgrade', true),
    el('NumberOfNodes', c.numberOfNodes),
    el('PubliclyAccessible', c.publiclyAccessible ?? false),
    el('Encrypted', c.encrypted ?? true),
    nodesXml(c, hex),
    el('ClusterRevisionNumber', '84726'),
    list('Tags', 'Tag', c.tags, (t) => el('Key', t.key) + el('Value', t.value)),
    el('EnhancedVpcRouting', false),
    wrap('IamRoles', ''),
    el('MaintenanceTrackName', 'current'),
    wrap('DeferredMaintenanceWindows', ''),
    el('ClusterNamespaceArn', `arn:aws:redshift:${REGION}:${ACCOUNT_ID}:namespace:${uuidFrom(hex)}`),
    el('TotalStorageCapacityInMegaBytes', storage),
    wrap('AquaConfiguration', el('AquaStatus', 'disabled') + el('AquaConfigurationStatus', 'auto')),
    el('IpAddressType', 'ipv4'),
    el('MultiAZ', 'Disabled'),
  ].join('');
}
