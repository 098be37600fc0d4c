import { DescribeClustersCommand, type Cluster as SdkCluster, type RedshiftClient } from '@aws-sdk/client-redshift';
import type { Cluster, ClusterEndpoint } from '../domain/cluster.js';
import { AppError } from '../domain/errors.js';
import type { CommandHook } from './command-hook.js';
import { keepListedMembers } from './listed-members.js';

export const DEFAULT_PAGE_SIZE = 100;

/**
 * How far a listing goes before it stops with an error, so that no server can keep it asking for
 * pages, or growing the list, for ever. 10,000 clusters (the largest list measured) are 100 pages
 * of 100; a region's default quota is far below that.
 */
export const LISTING_LIMITS = { maxPages: 1_000, maxClusters: 50_000 } as const;

export interface ListingLimits {
  maxPages: number;
  maxClusters: number;
}

export interface ListClustersOptions {
  /** MaxRecords per DescribeClusters call: 20 to 100. */
  pageSize?: number;
  signal?: AbortSignal;
  withCommand?: CommandHook;
  /** LISTING_LIMITS unless given (tests give small ones). */
  limits?: Partial<ListingLimits>;
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

const LISTING_HINT = 'The endpoint, or a proxy in front of it, does not page DescribeClusters as Redshift does. Type cluster IDs by hand with i.';

function listingStopped(message: string, code: string, retryable = false): AppError {
  return new AppError('other', message, { hint: LISTING_HINT, code, retryable });
}

/**
 * DescribeClusters page by page (Marker / MaxRecords), one yielded array per page as it arrives.
 * The loop of the SDK's paginateDescribeClusters, except that it keeps no page's answer while it
 * waits for the next: with 10,000 clusters those answers, kept across a request, were most of what
 * the garbage collector moved to the old generation, and so of the peak memory.
 * It stops with an error when a Marker comes back a second time (as botocore does: "The same next
 * token was received twice"; the page that repeats it is not yielded, for it may be one already
 * seen), and past the page and cluster limits (the clusters up to the limit are yielded first).
 */
export async function* listClusters(client: RedshiftClient, options: ListClustersOptions = {}): AsyncGenerator<Cluster[]> {
  const maxPages = options.limits?.maxPages ?? LISTING_LIMITS.maxPages;
  const maxClusters = options.limits?.maxClusters ?? LISTING_LIMITS.maxClusters;
  const markers = new Set<string>();
  let marker: string | undefined;
  let listed = 0;
  for (let pages = 1; ; pages++) {
    const page = await describePage(client, marker, options);
    if (page.marker && markers.has(page.marker)) {
      throw listingStopped(`Redshift sent the same DescribeClusters Marker twice, so the list stops at the ${listed} clusters listed before.`, 'RepeatedMarker', true);
    }
    if (listed + page.clusters.length > maxClusters) {
      if (listed < maxClusters) yield page.clusters.slice(0, maxClusters - listed);
      throw listingStopped(`Redshift listed more than ${maxClusters} clusters; the list stops at the first ${maxClusters}.`, 'TooManyClusters');
    }
    listed += page.clusters.length;
    yield page.clusters;
    if (!page.marker) return;
    if (pages >= maxPages) {
      throw listingStopped(`Redshift's DescribeClusters answer went on past ${maxPages} pages; the list stops at the ${listed} clusters in them.`, 'TooManyPages');
    }
    markers.add(page.marker);
    marker = page.marker;
  }
}
