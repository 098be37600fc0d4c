import { buildCluster } from './cluster-builder.js';
import type { ClusterStatus, EmulatorCluster } from './emulator-cluster.js';

const ADJECTIVES = ['amber', 'brisk', 'cobalt', 'dusty', 'eager', 'frosty', 'golden', 'hidden', 'ivory', 'jolly', 'keen', 'lunar', 'misty', 'noble', 'olive', 'proud', 'quiet', 'rapid', 'silver', 'tidy'];
const NOUNS = ['falcon', 'harbor', 'canyon', 'meadow', 'glacier', 'orchard', 'beacon', 'summit', 'delta', 'forest', 'lagoon', 'prairie', 'ridge', 'tundra', 'willow', 'quarry', 'reef', 'mesa'];
const NODE_TYPES: Array<[string, number[]]> = [
  ['ra3.xlplus', [1, 2, 4]],
  ['ra3.4xlarge', [2, 4, 8]],
  ['ra3.16xlarge', [2, 4, 16]],
  ['dc2.large', [1, 2, 4]],
];
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const DBS = ['dev', 'analytics', 'warehouse', 'reporting'];
const ENVS = ['prod', 'staging', 'dev'];
const TEAMS = ['data-platform', 'finance', 'growth', 'ml-platform', 'operations'];
const EPOCH = Date.UTC(2022, 0, 3, 8, 0, 0);

function statusAt(n: number): ClusterStatus {
  if (n % 41 === 0) return 'creating';
  if (n % 23 === 0) return 'modifying';
  if (n % 13 === 0) return 'paused';
  return 'available';
}

function pick<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** `count` clusters named `<adjective>-<noun>-<n>`, mostly available; the same for the same count. */
export function generateClusters(count: number): EmulatorCluster[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const [nodeType, sizes] = pick(NODE_TYPES, Math.floor(i / 3));
    return buildCluster({
      identifier: `${pick(ADJECTIVES, i)}-${pick(NOUNS, Math.floor(i / ADJECTIVES.length))}-${n}`,
      status: statusAt(n),
      nodeType,
      numberOfNodes: pick(sizes, i * 7),
      dbName: pick(DBS, i * 5),
      availabilityZone: pick(AZS, i),
      createdAt: new Date(EPOCH + i * 3_600_000 * 13).toISOString(),
      tags: { env: pick(ENVS, i * 11), team: pick(TEAMS, i * 3), 'cost-center': `CC-${2000 + (i % 50) * 10}` },
    });
  });
}
