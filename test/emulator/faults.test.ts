import { DescribeClustersCommand, GetIdentityCenterAuthTokenCommand } from '@aws-sdk/client-redshift';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type FaultSpec, type RunningEmulator } from '../../src/emulator/server.js';
import { errorXml, post, redshift, rejection } from './helpers.js';

let emu: RunningEmulator;
afterEach(async () => emu.close());

async function start(...faults: FaultSpec[]): Promise<RunningEmulator> {
  emu = await startEmulator({ faults });
  return emu;
}

const describeClusters = (maxAttempts = 3) => redshift(emu, { maxAttempts }).send(new DescribeClustersCommand({}));
const getToken = (maxAttempts = 3) =>
  redshift(emu, { maxAttempts }).send(new GetIdentityCenterAuthTokenCommand({ ClusterIds: ['analytics-prod'] }));
const outcomes = () => emu.requests.map((r) => `${r.action} ${r.status}${r.code ? ` ${r.code}` : ''}`);

describe('fault injection', () => {
  it('throttle:2 is retried by the SDK and succeeds on the third attempt', async () => {
    await start({ kind: 'throttle', count: 2 });
    const out = await describeClusters();
    expect(out.$metadata.attempts).toBe(3);
    expect(outcomes()).toEqual([
      'DescribeClusters 400 Throttling',
      'DescribeClusters 400 Throttling',
      'DescribeClusters 200',
    ]);
  });

  it('throttle without a count fails every attempt with Rate exceeded', async () => {
    await start({ kind: 'throttle' });
    const err = await rejection(getToken(2));
    expect(err.name).toBe('Throttling');
    expect(err.message).toBe('Rate exceeded');
    expect(err.$metadata?.attempts).toBe(2);
    expect(emu.requests).toHaveLength(2);
  });

  it('500 answers InternalFailure as a Receiver fault, and the SDK retries it', async () => {
    await start({ kind: '500', count: 1 });
    const raw = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' });
    expect(raw.status).toBe(500);
    expect(raw.body).toBe(
      errorXml(
        'InternalFailure',
        'The request processing has failed because of an unknown error, exception or failure.',
        raw.headers.get('x-amzn-requestid') ?? '',
        'Receiver',
      ),
    );
    emu.setFaults([{ kind: '500', count: 1 }]);
    const out = await getToken();
    expect(out.$metadata.attempts).toBe(2);
  });

  it('503 answers ServiceUnavailable', async () => {
    await start({ kind: '503' });
    const err = await rejection(describeClusters(1));
    expect(err.name).toBe('ServiceUnavailable');
    expect(err.$metadata?.httpStatusCode).toBe(503);
  });

  it('slow:MS delays the answer by at least MS, for COUNT requests', async () => {
    await start({ kind: 'slow', ms: 300, count: 1 });
    const started = performance.now();
    await describeClusters();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await describeClusters();
    expect(emu.requests).toHaveLength(2);
  });

  it('slow combines with throttle', async () => {
    await start({ kind: 'slow', ms: 100, count: 1 }, { kind: 'throttle', count: 1 });
    const started = performance.now();
    const out = await getToken();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(out.$metadata.attempts).toBe(2);
  });

  it('reset closes the socket without answering; the SDK retries', async () => {
    await start({ kind: 'reset', count: 1 });
    const out = await describeClusters();
    expect(out.$metadata.attempts).toBe(2);
    expect(outcomes()).toEqual(['DescribeClusters 0 ConnectionReset', 'DescribeClusters 200']);
    emu.setFaults([{ kind: 'reset' }]);
    const err = await rejection(describeClusters(1));
    expect(err.message).toMatch(/socket hang up|ECONNRESET/);
  });

  it('malformed answers 200 with truncated XML', async () => {
    await start({ kind: 'malformed', count: 1 });
    const raw = await post(emu, { Action: 'GetIdentityCenterAuthToken', Version: '2012-12-01', 'ClusterIds.ClusterIdentifier.1': 'analytics-prod' });
    expect(raw.status).toBe(200);
    expect(raw.body.startsWith('<GetIdentityCenterAuthTokenResponse')).toBe(true);
    expect(raw.body).not.toContain('</GetIdentityCenterAuthTokenResponse>');
    emu.setFaults([{ kind: 'malformed' }]);
    await expect(describeClusters(1)).rejects.toThrow();
    await expect(getToken(1)).rejects.toThrow();
  });

  it('unsupported fails only GetIdentityCenterAuthToken, and DescribeClusters does not use up its count', async () => {
    await start({ kind: 'unsupported', count: 1 });
    await describeClusters();
    const err = await rejection(getToken());
    expect(err.name).toBe('UnsupportedOperationFault');
    expect(err.message).toMatch(/identity-enhanced credentials/);
    expect(err.$metadata?.httpStatusCode).toBe(400);
    await expect(getToken()).resolves.toMatchObject({ Token: expect.any(String) });
  });

  it('expired-creds answers ExpiredToken 403 to both operations', async () => {
    await start({ kind: 'expired-creds' });
    for (const call of [describeClusters, getToken]) {
      const err = await rejection(call());
      expect(err.name).toBe('ExpiredToken');
      expect(err.message).toBe('The security token included in the request is expired');
      expect(err.$metadata?.httpStatusCode).toBe(403);
    }
  });

  it('denied answers AccessDenied to DescribeClusters only', async () => {
    await start({ kind: 'denied' });
    const err = await rejection(describeClusters());
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toMatch(/^User: arn:aws:sts::123456789012:assumed-role\/.+ is not authorized to perform: redshift:DescribeClusters/);
    expect(err.$metadata?.httpStatusCode).toBe(403);
    await expect(getToken()).resolves.toMatchObject({ Token: expect.any(String) });
  });

  it('past-expiry returns a token that has already expired, for COUNT tokens', async () => {
    await start({ kind: 'past-expiry', count: 1 });
    await rejection(redshift(emu).send(new GetIdentityCenterAuthTokenCommand({ ClusterIds: ['ghost'] })));
    const expired = await getToken();
    expect(expired.ExpirationTime!.getTime()).toBeLessThan(Date.now());
    const fresh = await getToken();
    expect(fresh.ExpirationTime!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
  });

  it('skew within five minutes shifts the Date header and ExpirationTime', async () => {
    await start({ kind: 'skew', seconds: 240 });
    const raw = await post(emu, { Action: 'GetIdentityCenterAuthToken', Version: '2012-12-01', 'ClusterIds.ClusterIdentifier.1': 'analytics-prod' });
    const serverDate = Date.parse(raw.headers.get('date') ?? '');
    expect(serverDate - Date.now()).toBeGreaterThan(230_000);
    const expiration = Date.parse(/<ExpirationTime>(.+)<\/ExpirationTime>/.exec(raw.body)?.[1] ?? '');
    expect(expiration - serverDate).toBe(3600_000);
  });

  it('skew beyond five minutes rejects the signature, and the SDK corrects its clock and retries', async () => {
    await start({ kind: 'skew', seconds: -900 });
    const out = await getToken();
    expect(outcomes()).toEqual(['GetIdentityCenterAuthToken 403 SignatureDoesNotMatch', 'GetIdentityCenterAuthToken 200']);
    const lifetime = out.ExpirationTime!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(2600_000);
    expect(lifetime).toBeLessThanOrEqual(2700_000);
  });

  it('setFaults replaces the faults in force', async () => {
    await start({ kind: 'denied' });
    emu.setFaults([]);
    await expect(describeClusters()).resolves.toBeDefined();
  });

  it('does not fault requests the server rejects before routing', async () => {
    await start({ kind: 'throttle', count: 1 });
    const unsigned = await post(emu, { Action: 'DescribeClusters', Version: '2012-12-01' }, {});
    expect(unsigned.status).toBe(403);
    const out = await describeClusters();
    expect(out.$metadata.attempts).toBe(2);
  });
});
