import { DescribeClustersCommand, GetIdentityCenterAuthTokenCommand, RedshiftClient, paginateDescribeClusters } from '@aws-sdk/client-redshift';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnEmulator, type SpawnedEmulator } from './built-binary.js';

let emulator: SpawnedEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

const client = (endpoint: string) =>
  new RedshiftClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

describe('idc-tui emulator (built binary)', () => {
  it('prints its endpoint first and serves the requested number of clusters over real HTTP', async () => {
    emulator = await spawnEmulator(['--port', '0', '--clusters', '130']);
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ids: string[] = [];
    for await (const page of paginateDescribeClusters({ client: client(emulator.url), pageSize: 50 }, {})) {
      ids.push(...(page.Clusters ?? []).map((c) => c.ClusterIdentifier ?? ''));
    }
    expect(ids).toHaveLength(130);
    expect(new Set(ids).size).toBe(130);
  });

  it('issues tokens that expire after --token-ttl seconds', async () => {
    emulator = await spawnEmulator(['--clusters', '20', '--token-ttl', '120']);
    const sdk = client(emulator.url);
    const first = await sdk.send(new DescribeClustersCommand({ MaxRecords: 20 }));
    const available = first.Clusters?.find((c) => c.ClusterStatus === 'available');
    expect(available?.ClusterIdentifier).toBeTruthy();
    const before = Date.now();
    const out = await sdk.send(new GetIdentityCenterAuthTokenCommand({ ClusterIds: [available!.ClusterIdentifier!] }));
    const ttl = (out.ExpirationTime!.getTime() - before) / 1000;
    expect(ttl).toBeGreaterThan(115);
    expect(ttl).toBeLessThanOrEqual(121);
    expect(out.Token!.length).toBeGreaterThan(1000);
  });

  it('exits 0 on SIGTERM', async () => {
    emulator = await spawnEmulator([]);
    expect(await emulator.stop()).toBe(0);
  });
});
