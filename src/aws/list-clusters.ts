import { paginateDescribeClusters, type Cluster as SdkCluster, type RedshiftClient } from '@aws-sdk/client-redshift';
import type { Cluster, ClusterEndpoint } from '../domain/cluster.js';
import type { CommandHook } from './command-hook.js';

export const DEFAULT_PAGE_SIZE = 100;

export interface ListClustersOptions {
  /** MaxRecords per DescribeClusters call: 20 to 100. */
  pageSize?: number;
  signal?: AbortSignal;
  withCommand?: CommandHook;
}

function toEndpoint(endpoint: SdkCluster['Endpoint']): ClusterEndpoint | undefined {
  const address = endpoint?.Address;
  const port = endpoint?.Port;
  return address !== undefined && port !== undefined ? { address, port } : undefined;
}

function toTags(tags: SdkCluster['Tags']): Record<string, string> {
  const entries = (tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? ''] as const]));
  return Object.fromEntries(entries);
}

export function toCluster(c: SdkCluster & { ClusterIdentifier: string }): Cluster {
  return {
    id: c.ClusterIdentifier,
    status: c.ClusterStatus ?? 'unknown',
    availability: c.ClusterAvailabilityStatus,
    nodeType: c.NodeType,
    nodes: c.NumberOfNodes,
    dbName: c.DBName,
    endpoint: toEndpoint(c.Endpoint),
    az: c.AvailabilityZone,
    tags: toTags(c.Tags),
  };
}

function hasIdentifier(c: SdkCluster): c is SdkCluster & { ClusterIdentifier: string } {
  return typeof c.ClusterIdentifier === 'string' && c.ClusterIdentifier !== '';
}

/** DescribeClusters through the SDK paginator, one yielded array per page as it arrives. */
export async function* listClusters(client: RedshiftClient, options: ListClustersOptions = {}): AsyncGenerator<Cluster[]> {
  const pages = paginateDescribeClusters(
    { client, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE, withCommand: options.withCommand },
    {},
    { abortSignal: options.signal },
  );
  for await (const page of pages) {
    yield (page.Clusters ?? []).filter(hasIdentifier).map(toCluster);
  }
}
