import { DescribeClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { afterEach, describe, expect, it } from 'vitest';
import { clustersResult, queryResponse, startHostileServer, type HostileServer } from './hostile-server.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('hostile server', () => {
  it('answers the real SDK with the bytes a handler gives, control characters included', async () => {
    server = await startHostileServer({
      DescribeClusters: () => ({ body: queryResponse('DescribeClusters', clustersResult([{ id: 'evil\u001b]0;pwned\u0007' }])) }),
    });
    const client = new RedshiftClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });
    const out = await client.send(new DescribeClustersCommand({}));
    client.destroy();
    expect(out.Clusters?.map((c) => c.ClusterIdentifier)).toEqual(['evil\u001b]0;pwned\u0007']);
    expect(server.requests.map((r) => [r.action, r.count])).toEqual([['DescribeClusters', 1]]);
  });
});
