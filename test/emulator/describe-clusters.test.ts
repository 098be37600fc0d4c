import { DescribeClustersCommand, paginateDescribeClusters, type Cluster } from '@aws-sdk/client-redshift';
import { afterEach, describe, expect, it } from 'vitest';
import { generateClusters, startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { redshift, rejection } from './helpers.js';

let emu: RunningEmulator;
afterEach(async () => emu.close());

describe('DescribeClusters through the real SDK', () => {
  it('pages through 250 generated clusters with MaxRecords 100', async () => {
    emu = await startEmulator({ clusters: 250 });
    const pages: Cluster[][] = [];
    for await (const page of paginateDescribeClusters({ client: redshift(emu) }, { MaxRecords: 100 })) {
      pages.push(page.Clusters ?? []);
    }
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const ids = pages.flat().map((c) => c.ClusterIdentifier);
    expect(ids).toEqual(generateClusters(250).map((c) => c.identifier));
    expect(new Set(ids).size).toBe(250);
    const markers = emu.requests.map((r) => r.params.Marker);
    expect(markers[0]).toBeUndefined();
    expect(markers.slice(1).every((m) => typeof m === 'string' && m.length > 0)).toBe(true);
  });

  it('returns the demo set in one page by default, with full cluster details', async () => {
    emu = await startEmulator();
    const out = await redshift(emu).send(new DescribeClustersCommand({}));
    expect(out.Marker).toBeUndefined();
    expect(out.Clusters?.length).toBe(emu.clusters.length);
    const prod = out.Clusters?.find((c) => c.ClusterIdentifier === 'analytics-prod');
    expect(prod).toMatchObject({
      ClusterStatus: 'available',
      ClusterAvailabilityStatus: 'Available',
      NodeType: 'ra3.4xlarge',
      NumberOfNodes: 4,
      DBName: 'analytics',
      Endpoint: { Address: 'analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com', Port: 5439 },
      MasterUsername: 'awsuser',
    });
    expect(prod?.ClusterCreateTime).toBeInstanceOf(Date);
    expect(prod?.Tags?.map((t) => t.Key)).toEqual(['env', 'team', 'owner', 'cost-center']);
    const creating = out.Clusters?.find((c) => c.ClusterStatus === 'creating');
    expect(creating).toBeDefined();
    expect(creating?.Endpoint).toBeUndefined();
    expect(creating?.DBName).toBeUndefined();
  });

  it('filters by ClusterIdentifier', async () => {
    emu = await startEmulator();
    const out = await redshift(emu).send(new DescribeClustersCommand({ ClusterIdentifier: 'finance-dw' }));
    expect(out.Clusters?.map((c) => c.ClusterIdentifier)).toEqual(['finance-dw']);
  });

  it('filters by tag keys and values', async () => {
    emu = await startEmulator();
    const out = await redshift(emu).send(new DescribeClustersCommand({ TagKeys: ['team'], TagValues: ['security'] }));
    expect(out.Clusters?.map((c) => c.ClusterIdentifier)).toEqual(['security-audit-logs', 'security-siem-archive']);
  });

  it('answers ClusterNotFound with HTTP 404 for an unknown identifier', async () => {
    emu = await startEmulator();
    const err = await rejection(redshift(emu).send(new DescribeClustersCommand({ ClusterIdentifier: 'no-such-cluster' })));
    expect(err.name).toBe('ClusterNotFoundFault');
    expect(err.message).toBe('Cluster no-such-cluster not found.');
    expect(err.$metadata?.httpStatusCode).toBe(404);
  });

  it.each([19, 101, 0])('rejects MaxRecords %i', async (maxRecords) => {
    emu = await startEmulator();
    const err = await rejection(redshift(emu).send(new DescribeClustersCommand({ MaxRecords: maxRecords })));
    expect(err.name).toBe('InvalidParameterValue');
    expect(err.message).toBe(`Invalid value ${maxRecords} for MaxRecords. Must be between 20 and 100.`);
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('accepts MaxRecords at both ends of the range', async () => {
    emu = await startEmulator({ clusters: 120 });
    const small = await redshift(emu).send(new DescribeClustersCommand({ MaxRecords: 20 }));
    const large = await redshift(emu).send(new DescribeClustersCommand({ MaxRecords: 100 }));
    expect([small.Clusters?.length, large.Clusters?.length]).toEqual([20, 100]);
    expect(small.Marker).toBeTruthy();
  });

  it('rejects Marker together with ClusterIdentifier', async () => {
    emu = await startEmulator();
    const err = await rejection(
      redshift(emu).send(new DescribeClustersCommand({ ClusterIdentifier: 'finance-dw', Marker: 'abc' })),
    );
    expect(err.name).toBe('InvalidParameterCombination');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('rejects a marker it did not issue', async () => {
    emu = await startEmulator({ clusters: 150 });
    const err = await rejection(redshift(emu).send(new DescribeClustersCommand({ Marker: 'not-a-marker' })));
    expect(err.name).toBe('InvalidParameterValue');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('serves an empty account', async () => {
    emu = await startEmulator({ clusters: 0 });
    const out = await redshift(emu).send(new DescribeClustersCommand({}));
    expect(out.Clusters).toEqual([]);
  });
});
