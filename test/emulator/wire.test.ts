import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorCluster, type RunningEmulator } from '../../src/emulator/server.js';
import { NS, errorXml, post } from './helpers.js';

const BASE: EmulatorCluster = {
  identifier: 'brand-new',
  status: 'creating',
  availabilityStatus: 'Unavailable',
  nodeType: 'ra3.xlplus',
  numberOfNodes: 1,
  availabilityZone: 'us-east-1a',
  masterUsername: 'awsuser',
  clusterCreateTime: '2024-05-01T10:00:00.000Z',
  tags: [],
};
const TRICKY: EmulatorCluster = {
  ...BASE,
  identifier: 'tricky',
  status: 'available',
  availabilityStatus: 'Available',
  dbName: 'dev',
  endpoint: { address: 'tricky.abc123xyz.us-east-1.redshift.amazonaws.com', port: 5439 },
  tags: [{ key: 'note', value: `<b>"Tom" & 'Jerry'</b>` }],
};

let emu: RunningEmulator;
beforeEach(async () => {
  emu = await startEmulator({ clusters: [TRICKY, BASE] });
});
afterEach(async () => emu.close());

const requestIdOf = (res: { headers: Headers }): string => res.headers.get('x-amzn-requestid') ?? 'missing';

describe('the AWS Query wire format', () => {
  it('wraps DescribeClusters in the AWS envelope and escapes XML', async () => {
    const res = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(res.headers.get('date') ?? '')).toBeGreaterThan(0);
    expect(res.body.startsWith(`<DescribeClustersResponse xmlns="${NS}"><DescribeClustersResult><Clusters><Cluster>`)).toBe(true);
    expect(res.body.endsWith(
      `</Cluster></Clusters></DescribeClustersResult><ResponseMetadata><RequestId>${requestIdOf(res)}</RequestId></ResponseMetadata></DescribeClustersResponse>`,
    )).toBe(true);
    expect(res.body).toContain('<Tags><Tag><Key>note</Key><Value>&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;</Value></Tag></Tags>');
    expect(res.body).toContain('<Endpoint><Address>tricky.abc123xyz.us-east-1.redshift.amazonaws.com</Address><Port>5439</Port></Endpoint>');
    const creating = res.body.slice(res.body.indexOf('<ClusterIdentifier>brand-new'));
    expect(creating).not.toContain('<Endpoint>');
    expect(creating).not.toContain('<DBName>');
    expect(creating).toContain('<Tags/>');
  });

  it('puts Marker after Clusters when there are more pages', async () => {
    await emu.close();
    emu = await startEmulator({ clusters: 25 });
    const res = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01', MaxRecords: '20' });
    expect(res.body).toMatch(/<\/Cluster><\/Clusters><Marker>[A-Za-z0-9+/=]+<\/Marker><\/DescribeClustersResult>/);
    expect(res.body.match(/<Cluster>/g)).toHaveLength(20);
  });

  it('answers GetIdentityCenterAuthToken with Token and ExpirationTime', async () => {
    const res = await post(emu, {
      Action: 'GetIdentityCenterAuthToken',
      Version: '2012-12-01',
      'ClusterIds.ClusterIdentifier.1': 'tricky',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatch(
      new RegExp(
        `^<GetIdentityCenterAuthTokenResponse xmlns="${NS}"><GetIdentityCenterAuthTokenResult>` +
          '<Token>[A-Za-z0-9+/]+={1,2}</Token><ExpirationTime>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z</ExpirationTime>' +
          `</GetIdentityCenterAuthTokenResult><ResponseMetadata><RequestId>${requestIdOf(res)}</RequestId></ResponseMetadata>` +
          '</GetIdentityCenterAuthTokenResponse>$',
      ),
    );
  });

  it('answers errors in the exact ErrorResponse shape', async () => {
    const res = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01', ClusterIdentifier: 'a<b' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.body).toBe(errorXml('ClusterNotFound', 'Cluster a&lt;b not found.', requestIdOf(res)));
  });

  it('answers an unsigned request with MissingAuthenticationToken', async () => {
    const res = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' }, {});
    expect(res.status).toBe(403);
    expect(res.body).toBe(errorXml('MissingAuthenticationToken', 'Request is missing Authentication Token', requestIdOf(res)));
    expect(emu.requests.at(-1)).toMatchObject({ action: 'DescribeClusters', status: 403, authorization: false });
  });

  it('takes a security token header as authentication', async () => {
    const res = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' }, { 'X-Amz-Security-Token': 'x' });
    expect(res.status).toBe(200);
  });

  it.each([
    [{ Action: 'DeleteCluster', Version: '2012-12-01' }, 'InvalidAction', 'The action DeleteCluster is not valid for this web service.'],
    [{ Version: '2012-12-01' }, 'MissingAction', 'The request must contain the parameter Action.'],
    [{ Action: 'DescribeClusters' }, 'MissingParameter', 'The request must contain the parameter Version.'],
    [{ Action: 'DescribeClusters', Version: '2099-01-01' }, 'InvalidAction', 'Could not find operation DescribeClusters for version 2099-01-01.'],
  ])('answers %j with %s', async (form, code, message) => {
    const res = await post(emu, form);
    expect(res.status).toBe(400);
    expect(res.body).toBe(errorXml(code, message, requestIdOf(res)));
  });

  it('answers a malformed body with an error, not a crash', async () => {
    const res = await post(emu, 'Action=DescribeClusters&Version=2012-12-01&Marker=%ZZ');
    expect(res.status).toBe(404);
    expect(res.body).toContain('<Code>MalformedQueryString</Code>');
    const after = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' });
    expect(after.status).toBe(200);
  });

  it('answers a body that is not a form at all', async () => {
    const res = await post(emu, '\u0000\u00ff<xml/>{"json": true}');
    expect(res.status).toBe(400);
    expect(res.body).toContain('<Code>MissingAction</Code>');
  });

  it('answers GET / with an AWS error', async () => {
    const res = await fetch(emu.url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('answers other methods with an AWS error', async () => {
    const res = await fetch(emu.url, { method: 'DELETE', headers: { Authorization: 'x' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await res.text()).toContain('<Code>MethodNotAllowed</Code>');
  });

  it('survives a client that hangs up mid-body', async () => {
    await new Promise<void>((resolve) => {
      const req = request(emu.url, { method: 'POST', headers: { 'Content-Length': '1000', Authorization: 'x' } });
      req.on('error', () => resolve());
      req.write('Action=Describe', () => {
        req.destroy();
        resolve();
      });
    });
    const res = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' });
    expect(res.status).toBe(200);
  });

  it('logs requests without credentials', async () => {
    await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01', 'X-Amz-Security-Token': 'secret-session' });
    expect(emu.requests.at(-1)).toEqual({
      action: 'DescribeClusters',
      params: { Action: 'DescribeClusters', Version: '2012-12-01' },
      status: 200,
      authorization: true,
    });
  });
});
