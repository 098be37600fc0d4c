import { DescribeClustersCommand } from '@aws-sdk/client-redshift';
import { describe, expect, it } from 'vitest';
import { keepListedMembers } from '../../src/aws/listed-members.js';
import { LISTED_MEMBERS, toCluster } from '../../src/aws/list-clusters.js';
import { AppError } from '../../src/domain/errors.js';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { emulatorPerTest } from './aws-env.js';

let emulator: RunningEmulator | undefined;
const startTestEmulator = emulatorPerTest();

describe('listClusters against the emulator', () => {
  it('yields 250 clusters as pages of 100, 100 and 50, each as soon as it arrives', async () => {
    emulator = await startTestEmulator({ clusters: 250 });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const seen: Array<{ size: number; requestsSoFar: number }> = [];
    const ids: string[] = [];
    for await (const page of api.listClusters()) {
      seen.push({ size: page.length, requestsSoFar: emulator.requests.length });
      ids.push(...page.map((c) => c.id));
    }
    expect(seen).toEqual([
      { size: 100, requestsSoFar: 1 },
      { size: 100, requestsSoFar: 2 },
      { size: 50, requestsSoFar: 3 },
    ]);
    expect(ids).toEqual(emulator.clusters.map((c) => c.identifier));
    expect(emulator.requests.map((r) => r.params['MaxRecords'])).toEqual(['100', '100', '100']);
    expect(emulator.requests[0]?.params['Marker']).toBeUndefined();
    expect(emulator.requests[1]?.params['Marker']).toBeTruthy();
    expect(emulator.requests.every((r) => r.authorization)).toBe(true);
  });

  it('honours a smaller page size', async () => {
    emulator = await startTestEmulator({ clusters: 45 });
    const api = createRedshiftApi({ endpointUrl: emulator.url, pageSize: 20 });
    const sizes: number[] = [];
    for await (const page of api.listClusters()) sizes.push(page.length);
    expect(sizes).toEqual([20, 20, 5]);
  });

  it('maps every field, leaving DBName and Endpoint undefined where the answer has none', async () => {
    emulator = await startTestEmulator();
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const clusters = [];
    for await (const page of api.listClusters()) clusters.push(...page);

    expect(clusters).toHaveLength(emulator.clusters.length);
    for (const [i, expected] of emulator.clusters.entries()) {
      expect(clusters[i]).toEqual({
        id: expected.identifier,
        status: expected.status,
        availability: expected.availabilityStatus,
        nodeType: expected.nodeType,
        nodes: expected.numberOfNodes,
        dbName: expected.dbName,
        endpoint: expected.endpoint,
        az: expected.availabilityZone,
        tags: Object.fromEntries(expected.tags.map((t) => [t.key, t.value])),
      });
    }
    const withoutEndpoint = clusters.filter((c) => c.endpoint === undefined);
    expect(withoutEndpoint.length).toBeGreaterThan(0);
    expect(clusters.some((c) => c.status !== 'available')).toBe(true);
    expect(clusters.some((c) => Object.keys(c.tags).length > 0)).toBe(true);
  });

  it('gives the same clusters as the SDK parsing the whole answer, though it parses only the members the list reads', async () => {
    emulator = await startTestEmulator({ clusters: 160 });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const listed = await drain(api.listClusters());

    const whole = [];
    let marker: string | undefined;
    do {
      const answer = await api.client.send(new DescribeClustersCommand({ MaxRecords: 100, Marker: marker }));
      whole.push(...(answer.Clusters ?? []));
      marker = answer.Marker;
    } while (marker);
    expect(whole).toHaveLength(160);
    expect(listed).toEqual(whole.map((c) => toCluster({ ...c, ClusterIdentifier: c.ClusterIdentifier ?? '' })));

    const projected = new DescribeClustersCommand({ MaxRecords: 20 });
    keepListedMembers(projected.middlewareStack, LISTED_MEMBERS);
    const answer = await api.client.send(projected);
    expect(answer.Marker).toBeTruthy();
    expect(answer.Clusters).toHaveLength(20);
    const allowed = new Set<string>(LISTED_MEMBERS);
    for (const cluster of answer.Clusters ?? []) expect(Object.keys(cluster).filter((k) => !allowed.has(k))).toEqual([]);
    expect(Object.keys(whole[0] ?? {}).filter((k) => !allowed.has(k)).length).toBeGreaterThan(20);
  });

  it('stops when the signal is aborted between pages', async () => {
    emulator = await startTestEmulator({ clusters: 250 });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const controller = new AbortController();
    const pages: number[] = [];
    const listing = (async () => {
      for await (const page of api.listClusters({ signal: controller.signal })) {
        pages.push(page.length);
        controller.abort();
      }
    })();
    await expect(listing).rejects.toMatchObject({ name: 'AppError', message: 'Cancelled.' });
    expect(pages).toEqual([100]);
  });

  it('aborts a request in flight', async () => {
    emulator = await startTestEmulator({ faults: [{ kind: 'slow', ms: 5_000 }] });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await drain(api.listClusters({ signal: controller.signal })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'other', code: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

async function drain<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
