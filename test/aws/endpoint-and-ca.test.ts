import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStsClient } from '../../src/aws/client.js';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { envCredentials, failure, isolatedAwsHome, type AwsHome } from './aws-env.js';

let home: AwsHome;
beforeEach(() => {
  home = isolatedAwsHome(envCredentials);
});
afterEach(() => home.restore());

describe('an endpoint URL’s path is kept as given (as the AWS CLI sends it)', () => {
  let server: HostileServer;
  beforeEach(async () => {
    server = await startHostileServer();
  });
  afterEach(() => server.close());

  it.each([
    ['', '/'],
    ['/', '/'],
    ['/prefix', '/prefix'],
    ['/prefix/', '/prefix/'],
    ['/a/b', '/a/b'],
  ])('Redshift at URL + %j → POST %s', async (path, requestPath) => {
    await createRedshiftApi({ endpointUrl: `${server.url}${path}`, maxAttempts: 1 }).getToken(['plain-cluster']);
    expect(server.requests.map((r) => r.path)).toEqual([requestPath]);
  });

  it('STS likewise', async () => {
    await createStsClient({ stsEndpointUrl: `${server.url}/sts`, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    expect(server.requests.map((r) => `${r.action} ${r.path}`)).toEqual(['GetCallerIdentity /sts']);
  });
});

describe('a CA bundle is read only for an https endpoint', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  const token = (caBundle?: string) => createRedshiftApi({ endpointUrl: emulator.url, maxAttempts: 1, caBundle }).getToken(['analytics-prod']);

  it('an http endpoint works with a --ca-bundle that does not exist', async () => {
    await expect(token('/nonexistent/ca.pem')).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('and with AWS_CA_BUNDLE=/nonexistent', async () => {
    process.env['AWS_CA_BUNDLE'] = '/nonexistent/ca.pem';
    await expect(token()).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('an https endpoint with it is a configuration error, before anything is sent', async () => {
    process.env['AWS_CA_BUNDLE'] = '/nonexistent/ca.pem';
    const error = await failure(createRedshiftApi({ endpointUrl: emulator.url.replace('http:', 'https:'), maxAttempts: 1 }).getToken(['analytics-prod']));
    expect(error).toMatchObject({ kind: 'config', exitCode: 253, message: 'Cannot read the CA bundle "/nonexistent/ca.pem" (ENOENT).' });
    expect(emulator.requests).toHaveLength(0);
  });
});
