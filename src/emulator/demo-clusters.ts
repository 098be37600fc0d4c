import { buildCluster } from './cluster-builder.js';
import type { ClusterStatus, EmulatorCluster } from './emulator-cluster.js';

type Row = [id: string, status: ClusterStatus, nodeType: string, nodes: number, db: string, team: string, env: string];

const ROWS: Row[] = [
  ['analytics-prod', 'available', 'ra3.4xlarge', 4, 'analytics', 'data-platform', 'prod'],
  ['analytics-staging', 'available', 'ra3.xlplus', 2, 'analytics', 'data-platform', 'staging'],
  ['analytics-dev', 'paused', 'ra3.xlplus', 2, 'analytics', 'data-platform', 'dev'],
  ['finance-dw', 'available', 'ra3.16xlarge', 8, 'finance', 'finance', 'prod'],
  ['finance-dw-dr', 'paused', 'ra3.16xlarge', 4, 'finance', 'finance', 'prod'],
  ['finance-reporting-qa', 'available', 'ra3.xlplus', 2, 'reporting', 'finance', 'qa'],
  ['ml-feature-store-dev', 'available', 'ra3.4xlarge', 2, 'features', 'ml-platform', 'dev'],
  ['ml-feature-store-prod', 'available', 'ra3.16xlarge', 6, 'features', 'ml-platform', 'prod'],
  ['ml-training-sandbox', 'creating', 'ra3.4xlarge', 2, 'sandbox', 'ml-platform', 'dev'],
  ['marketing-attribution', 'available', 'ra3.4xlarge', 3, 'marketing', 'growth', 'prod'],
  ['marketing-campaigns-dev', 'available', 'dc2.large', 2, 'campaigns', 'growth', 'dev'],
  ['sales-pipeline', 'available', 'ra3.xlplus', 4, 'sales', 'revenue-ops', 'prod'],
  ['sales-forecasting', 'modifying', 'ra3.4xlarge', 4, 'forecast', 'revenue-ops', 'prod'],
  ['customer-360', 'available', 'ra3.16xlarge', 10, 'customer', 'data-platform', 'prod'],
  ['customer-360-staging', 'resuming', 'ra3.4xlarge', 2, 'customer', 'data-platform', 'staging'],
  ['clickstream-events', 'available', 'ra3.16xlarge', 16, 'events', 'web-analytics', 'prod'],
  ['clickstream-events-dev', 'paused', 'dc2.large', 2, 'events', 'web-analytics', 'dev'],
  ['supply-chain-ops', 'available', 'ra3.4xlarge', 4, 'supplychain', 'operations', 'prod'],
  ['inventory-snapshots', 'rebooting', 'ra3.xlplus', 2, 'inventory', 'operations', 'prod'],
  ['logistics-tracking', 'available', 'ra3.xlplus', 3, 'logistics', 'operations', 'prod'],
  ['hr-people-analytics', 'available', 'ra3.xlplus', 2, 'people', 'people-ops', 'prod'],
  ['security-audit-logs', 'available', 'ra3.4xlarge', 6, 'audit', 'security', 'prod'],
  ['security-siem-archive', 'paused', 'ra3.16xlarge', 4, 'siem', 'security', 'prod'],
  ['product-usage', 'available', 'ra3.4xlarge', 4, 'product', 'product-analytics', 'prod'],
  ['product-usage-dev', 'available', 'dc2.large', 1, 'product', 'product-analytics', 'dev'],
  ['experimentation-platform', 'available', 'ra3.xlplus', 2, 'experiments', 'product-analytics', 'prod'],
  ['billing-ledger', 'available', 'ra3.16xlarge', 4, 'billing', 'finance', 'prod'],
  ['billing-ledger-test', 'creating', 'ra3.xlplus', 2, 'billing', 'finance', 'test'],
  ['risk-models', 'available', 'ra3.4xlarge', 2, 'risk', 'risk', 'prod'],
  ['fraud-detection', 'available', 'ra3.4xlarge', 4, 'fraud', 'risk', 'prod'],
  ['partner-data-share', 'modifying', 'ra3.xlplus', 2, 'partners', 'bizdev', 'prod'],
  ['iot-telemetry', 'available', 'ra3.16xlarge', 12, 'telemetry', 'devices', 'prod'],
  ['iot-telemetry-dev', 'available', 'dc2.large', 2, 'telemetry', 'devices', 'dev'],
  ['legacy-dw-migration', 'paused', 'dc2.large', 8, 'legacy', 'data-platform', 'prod'],
  ['bi-dashboards', 'available', 'ra3.xlplus', 2, 'bi', 'bi', 'prod'],
  ['bi-dashboards-uat', 'available', 'ra3.xlplus', 1, 'bi', 'bi', 'uat'],
];

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'];
const OWNERS = ['alice', 'bob', 'carmen', 'deepak', 'eun-ji', 'farid', 'grace', 'hiro'];
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2023, 2, 14, 9, 30, 0);

/** A fixed set of realistic clusters in mixed states, the same on every call. */
export function demoClusters(): EmulatorCluster[] {
  return ROWS.map(([identifier, status, nodeType, numberOfNodes, dbName, team, env], i) =>
    buildCluster({
      identifier,
      status,
      nodeType,
      numberOfNodes,
      dbName,
      availabilityZone: AZS[i % AZS.length] ?? 'us-east-1a',
      createdAt: new Date(EPOCH + i * 17 * DAY_MS + i * 3_607_000).toISOString(),
      tags: {
        env,
        team,
        owner: `${OWNERS[i % OWNERS.length] ?? 'alice'}@example.com`,
        'cost-center': `CC-${1000 + ((i * 37) % 90) * 10}`,
      },
    }),
  );
}
