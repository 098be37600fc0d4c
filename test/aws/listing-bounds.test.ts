import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListingLimits } from '../../src/aws/list-clusters.js';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import type { AppError } from '../../src/domain/errors.js';
import { clustersResult, queryResponse, startHostileServer, type HostileRequest, type HostileServer } from '../support/hostile-server.js';
import { envCredentials, isolatedAwsHome, type AwsHome } from './aws-env.js';

let home: AwsHome;
let server: HostileServer | undefined;
beforeEach(() => {
  home = isolatedAwsHome(envCredentials);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  home.restore();
});

/** Would go on for ever: a listing that does not stop by itself ends here, so a failing test fails rather than hangs. */
const SAFETY_STOP = 25;

/** Page n (1, 2, …) holds `perPage` clusters named p<n>-<i>, and the marker `marker(n)`. */
async function listingServer(marker: (req: HostileRequest) => string | undefined, perPage = 2): Promise<HostileServer> {
  server = await startHostileServer({
    DescribeClusters: (req) => {
      const clusters = Array.from({ length: perPage }, (_, i) => ({ id: `p${req.count}-${i + 1}` }));
      const next = req.count >= SAFETY_STOP ? undefined : marker(req);
      return { body: queryResponse('DescribeClusters', clustersResult(clusters, next)) };
    },
  });
  return server;
}

async function list(url: string, limits?: Partial<ListingLimits>): Promise<{ pages: string[][]; error: AppError | undefined }> {
  const api = createRedshiftApi({ endpointUrl: url, maxAttempts: 1, listingLimits: limits });
  const pages: string[][] = [];
  try {
    for await (const page of api.listClusters()) pages.push(page.map((c) => c.id));
    return { pages, error: undefined };
  } catch (error) {
    return { pages, error: error as AppError };
  } finally {
    api.destroy();
  }
}

describe('DescribeClusters pagination fails closed', () => {
  it('stops at a Marker that comes back (as botocore: the same next token twice), after 2 requests, keeping page 1', async () => {
    const s = await listingServer(() => 'same-marker');
    const { pages, error } = await list(s.url);
    expect(s.requests.map((r) => r.params.get('Marker'))).toEqual([null, 'same-marker']);
    expect(pages).toEqual([['p1-1', 'p1-2']]);
    expect(error).toMatchObject({ kind: 'other', code: 'RepeatedMarker', retryable: true });
    expect(error?.message).toBe('Redshift sent the same DescribeClusters Marker twice, so the list stops at the 2 clusters listed before.');
    expect(error?.exitCode).toBe(255);
  });

  it('stops at a Marker cycle A, B, A after 3 requests', async () => {
    const s = await listingServer((req) => (req.count % 2 === 1 ? 'A' : 'B'));
    const { pages, error } = await list(s.url);
    expect(s.requests.map((r) => r.params.get('Marker'))).toEqual([null, 'A', 'B']);
    expect(pages).toEqual([
      ['p1-1', 'p1-2'],
      ['p2-1', 'p2-2'],
    ]);
    expect(error?.code).toBe('RepeatedMarker');
  });

  it('stops after maxPages pages of fresh markers, with the clusters of those pages', async () => {
    const s = await listingServer((req) => `fresh-${req.count}`);
    const { pages, error } = await list(s.url, { maxPages: 3 });
    expect(s.requests).toHaveLength(3);
    expect(pages.flat()).toEqual(['p1-1', 'p1-2', 'p2-1', 'p2-2', 'p3-1', 'p3-2']);
    expect(error).toMatchObject({ kind: 'other', code: 'TooManyPages' });
    expect(error?.message).toBe("Redshift's DescribeClusters answer went on past 3 pages; the list stops at the 6 clusters in them.");
  });

  it('stops at maxClusters, keeping exactly that many', async () => {
    const s = await listingServer((req) => `fresh-${req.count}`, 2);
    const { pages, error } = await list(s.url, { maxClusters: 5 });
    expect(s.requests).toHaveLength(3);
    expect(pages).toEqual([['p1-1', 'p1-2'], ['p2-1', 'p2-2'], ['p3-1']]);
    expect(error).toMatchObject({ kind: 'other', code: 'TooManyClusters' });
    expect(error?.message).toBe('Redshift listed more than 5 clusters; the list stops at the first 5.');
  });
});
