import { Agent } from 'node:https';
import { DescribeClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { CREDENTIALS, insecureGetStatus, selfSignedCert } from './helpers.js';

let emu: RunningEmulator;
afterEach(async () => emu.close());

const sts = (url: string, requestHandler?: NodeHttpHandler) =>
  new STSClient({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS, maxAttempts: 1, ...(requestHandler && { requestHandler }) });

describe('STS GetCallerIdentity on the same server', () => {
  it('answers with the demo account and an assumed-role ARN', async () => {
    emu = await startEmulator();
    const out = await sts(emu.url).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('123456789012');
    expect(out.Arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+$/);
    expect(out.UserId).toMatch(/^AROA[A-Z0-9]+:/);
  });

  it('is not affected by API faults other than slow and reset', async () => {
    emu = await startEmulator({ faults: [{ kind: 'throttle' }, { kind: 'expired-creds' }, { kind: 'malformed' }, { kind: 'skew', seconds: -3600 }] });
    const out = await sts(emu.url).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('123456789012');
    emu.setFaults([{ kind: 'reset' }]);
    await expect(sts(emu.url).send(new GetCallerIdentityCommand({}))).rejects.toThrow();
  });
});

describe('TLS', () => {
  const tls = selfSignedCert();

  it('serves HTTPS with the given certificate to the SDK', async () => {
    emu = await startEmulator({ tls });
    expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const requestHandler = new NodeHttpHandler({ httpsAgent: new Agent({ ca: tls.cert }) });
    const client = new RedshiftClient({ region: 'us-east-1', endpoint: emu.url, credentials: CREDENTIALS, requestHandler });
    const out = await client.send(new DescribeClustersCommand({ ClusterIdentifier: 'finance-dw' }));
    expect(out.Clusters?.[0]?.ClusterIdentifier).toBe('finance-dw');
    const caller = await sts(emu.url, requestHandler).send(new GetCallerIdentityCommand({}));
    expect(caller.Account).toBe('123456789012');
  });

  it('is refused by a client that does not trust the certificate', async () => {
    emu = await startEmulator({ tls });
    const client = new RedshiftClient({ region: 'us-east-1', endpoint: emu.url, credentials: CREDENTIALS, maxAttempts: 1 });
    await expect(client.send(new DescribeClustersCommand({}))).rejects.toThrow(/self[- ]signed/i);
  });

  it('answers raw HTTPS requests when verification is off', async () => {
    emu = await startEmulator({ tls });
    expect(await insecureGetStatus(emu.url)).toBe(403);
  });
});
