import { DescribeClustersCommand, type Cluster as SdkCluster, type RedshiftClient } from '@aws-sdk/client-redshift';
import type { Cluster, ClusterEndpoint } from '../domain/cluster.js';
import type { CommandHook } from './command-hook.js';
import { keepListedMembers } from './listed-members.js';

export const DEFAULT_PAGE_SIZE = 100;

export interface ListClustersOptions {
  /** MaxRecords per DescribeClusters call: 20 to 100. */
  pageSize?: number;
  signal?: AbortSignal;
  withCommand?: CommandHook;
}

/** Values seen in the clusters listed, each kept once. */
const seen = new Map<string, string>();
const SEEN_LIMIT = 4096;

/**
 * The same string object for the same value: 10,000 clusters share a few statuses, node types,
 * zones, database names and tag keys and values, and each value parsed from a page is its own
 * string (~30 bytes each, ~8 per cluster). Bounded: past the limit it starts over.
 */
function shared<T extends string | undefined>(value: T): T {
  if (value === undefined) return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(value, value);
  return value;
}

function toEndpoint(endpoint: ListedCluster['Endpoint']): ClusterEndpoint | undefined {
  const address = endpoint?.Address;
  const port = endpoint?.Port;
  return address !== undefined && port !== undefined ? { address, port } : undefined;
}

function toTags(tags: ListedCluster['Tags']): Record<string, string> {
  const entries = (tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[shared(t.Key), shared(t.Value ?? '')] as const]));
  return Object.fromEntries(entries);
}

/** The members of a cluster that the list reads; the listing asks the SDK to parse only these. */
export const LISTED_MEMBERS = [
  'ClusterIdentifier',
  'ClusterStatus',
  'ClusterAvailabilityStatus',
  'NodeType',
  'NumberOfNodes',
  'DBName',
  'Endpoint',
  'AvailabilityZone',
  'Tags',
] as const satisfies ReadonlyArray<keyof SdkCluster>;

type ListedCluster = Pick<SdkCluster, (typeof LISTED_MEMBERS)[number]>;

export function toCluster(c: ListedCluster & { ClusterIdentifier: string }): Cluster {
  return {
    id: c.ClusterIdentifier,
    status: shared(c.ClusterStatus ?? 'unknown'),
    availability: shared(c.ClusterAvailabilityStatus),
    nodeType: shared(c.NodeType),
    nodes: c.NumberOfNodes,
    dbName: shared(c.DBName),
    endpoint: toEndpoint(c.Endpoint),
    az: shared(c.AvailabilityZone),
    tags: toTags(c.Tags),
  };
}

function hasIdentifier(c: ListedCluster): c is ListedCluster & { ClusterIdentifier: string } {
  return typeof c.ClusterIdentifier === 'string' && c.ClusterIdentifier !== '';
}

interface Page {
  clusters: Cluster[];
  marker: string | undefined;
}

/** One DescribeClusters call; the SDK's answer is dropped as soon as its clusters are taken out. */
async function describePage(client: RedshiftClient, marker: string | undefined, options: ListClustersOptions): Promise<Page> {
  const command = new DescribeClustersCommand({ MaxRecords: options.pageSize ?? DEFAULT_PAGE_SIZE, Marker: marker });
  keepListedMembers(command.middlewareStack, LISTED_MEMBERS);
  const answer = await client.send(options.withCommand?.(command) ?? command, { abortSignal: options.signal });
  return { clusters: (answer.Clusters ?? []).filter(hasIdentifier).map(toCluster), marker: answer.Marker };
}

/**
 * DescribeClusters page by page (Marker / MaxRecords), one yielded array per page as it arrives.
 * The loop of the SDK's paginateDescribeClusters, except that it keeps no page's answer while it
 * waits for the next: with 10,000 clusters those answers, kept across a request, were most of what
 * the garbage collector moved to the old generation, and so of the peak memory.
 */
export async function* listClusters(client: RedshiftClient, options: ListClustersOptions = {}): AsyncGenerator<Cluster[]> {
  let marker: string | undefined;
  do {
    const page = await describePage(client, marker, options);
    marker = page.marker;
    yield page.clusters;
  } while (marker);
}
