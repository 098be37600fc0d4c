import { DescribeClustersCommand, GetIdentityCenterAuthTokenCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import type { DeserializeMiddleware } from '@smithy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { addHttpExchangeLog, type HttpExchangeLog } from '../../src/aws/http-log.js';
import { queryResponse, startHostileServer, type HostileServer } from '../support/hostile-server.js';

/**
 * The --debug HTTP log (src/aws/http-log.ts) with the real SDK over real HTTP: an answer is handed
 * to the log only after the SDK has parsed it, with the values the model marks sensitive.
 */
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.aHR0cC1sb2ctdGVzdA.c2VjcmV0';

let server: HostileServer | undefined;
let client: RedshiftClient | undefined;
afterEach(async () => {
  client?.destroy();
  client = undefined;
  await server?.close();
  server = undefined;
});

type Event = { kind: 'request' } | { kind: 'response'; status: number; body: string; secrets: string[] } | { kind: 'parsed' };

function logged(events: Event[]): HttpExchangeLog {
  return {
    request: () => events.push({ kind: 'request' }),
    response: ({ status, body, secrets }) => events.push({ kind: 'response', status, body, secrets }),
  };
}

async function clientFor(action: string, body: string): Promise<RedshiftClient> {
  server = await startHostileServer({ [action]: () => ({ body }) });
  client = new RedshiftClient({ region: 'us-east-1', endpoint: server.url, maxAttempts: 1, credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' } });
  return client;
}

describe('addHttpExchangeLog', () => {
  it('hands over the token answer after the SDK has parsed it, with the token as its secret, however the body spells it', async () => {
    const body = queryResponse('GetIdentityCenterAuthToken', `<Token a="b"><![CDATA[${TOKEN}]]></Token><ExpirationTime>2030-01-01T00:00:00Z</ExpirationTime>`);
    const c = await clientFor('GetIdentityCenterAuthToken', body);
    const events: Event[] = [];
    addHttpExchangeLog(c.middlewareStack, logged(events));
    // a middleware just inside the log's release: it runs once the deserializer has returned
    const parsed: DeserializeMiddleware<object, object> = (next) => async (args) => {
      const result = await next(args);
      events.push({ kind: 'parsed' });
      return result;
    };
    c.middlewareStack.addRelativeTo(parsed as never, { name: 'testParsed', relation: 'after', toMiddleware: 'idcTuiHttpExchangeLogRelease' });
    const out = await c.send(new GetIdentityCenterAuthTokenCommand({ ClusterIds: ['a'] }));
    expect(out.Token).toBe(TOKEN);
    expect(events).toEqual([{ kind: 'request' }, { kind: 'parsed' }, { kind: 'response', status: 200, body, secrets: [TOKEN] }]);
  });

  it('hands over an answer without sensitive members, and an error answer, with no secrets, once each', async () => {
    const list = queryResponse('DescribeClusters', '<Clusters></Clusters>');
    const c = await clientFor('DescribeClusters', list);
    const events: Event[] = [];
    addHttpExchangeLog(c.middlewareStack, logged(events));
    await c.send(new DescribeClustersCommand({}));
    expect(events).toEqual([{ kind: 'request' }, { kind: 'response', status: 200, body: list, secrets: [] }]);

    const error = '<ErrorResponse><Error><Type>Sender</Type><Code>ClusterNotFound</Code><Message>none</Message></Error><RequestId>1</RequestId></ErrorResponse>';
    server!.on('GetIdentityCenterAuthToken', () => ({ status: 404, body: error }));
    events.length = 0;
    await expect(c.send(new GetIdentityCenterAuthTokenCommand({ ClusterIds: ['a'] }))).rejects.toMatchObject({ name: 'ClusterNotFoundFault' });
    expect(events).toEqual([{ kind: 'request' }, { kind: 'response', status: 404, body: error, secrets: [] }]);
  });
});
