import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/domain/errors.js';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import { type EmulatorCluster, type FaultSpec, type RunningEmulator } from '../../src/emulator/server.js';
import { emulatorPerTest, failure } from './aws-env.js';

let emulator: RunningEmulator;
const startTestEmulator = emulatorPerTest();

async function start(opts: { faults?: FaultSpec[]; tokenTtlSeconds?: number } = {}) {
  emulator = await startTestEmulator(opts);
  return createRedshiftApi({ endpointUrl: emulator.url });
}

function clusterWhere(test: (c: EmulatorCluster) => boolean): string {
  const found = emulator.clusters.find(test);
  if (!found) throw new Error('the demo set has no such cluster');
  return found.identifier;
}

const available = () => clusterWhere((c) => c.status === 'available');
const paused = () => clusterWhere((c) => c.status === 'paused');

describe('getToken against the emulator', () => {
  it('returns the token and its expiry as a Date', async () => {
    const api = await start({ tokenTtlSeconds: 900 });
    const ids = emulator.clusters.filter((c) => c.status === 'available').slice(0, 3).map((c) => c.identifier);
    const before = Date.now();
    const { token, expiresAt } = await api.getToken(ids);
    expect(token.length).toBeGreaterThan(1000);
    expect(expiresAt).toBeInstanceOf(Date);
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 899_000);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 901_000);
    const request = emulator.requests.at(-1);
    expect(request?.action).toBe('GetIdentityCenterAuthToken');
    expect(request?.params).toMatchObject({
      'ClusterIds.ClusterIdentifier.1': ids[0],
      'ClusterIds.ClusterIdentifier.3': ids[2],
    });
  });

  it('gives the raw SDK answer for scripted output', async () => {
    const api = await start();
    const raw = await api.getTokenRaw([available()]);
    expect(raw.Token).toEqual(expect.any(String));
    expect(raw.ExpirationTime).toBeInstanceOf(Date);
    expect(raw.$metadata.httpStatusCode).toBe(200);
  });

  it('passes a token that is already expired through unchanged, for the caller to report', async () => {
    const api = await start({ faults: [{ kind: 'past-expiry' }] });
    const { expiresAt } = await api.getToken([available()]);
    expect(expiresAt.getTime()).toBeLessThan(Date.now());
  });

  it.each([
    {
      name: 'an unknown cluster → ClusterNotFound',
      ids: () => ['no-such-cluster'],
      faults: [],
      expected: { kind: 'service', code: 'ClusterNotFound', message: 'An error occurred (ClusterNotFound) when calling the GetIdentityCenterAuthToken operation: Cluster no-such-cluster not found.',
        hint: 'Check the cluster ID "no-such-cluster", and that the region and profile (region us-east-1, profile default) are the ones that hold them.',
      },
    },
    {
      name: 'several IDs, one unknown → ClusterNotFound naming it',
      ids: () => [available(), 'ghost'],
      faults: [],
      expected: { code: 'ClusterNotFound', message: 'An error occurred (ClusterNotFound) when calling the GetIdentityCenterAuthToken operation: Cluster ghost not found.', hint: expect.stringMatching(/^Check the cluster ID "ghost", /u) },
    },
    {
      name: 'a paused cluster → InvalidClusterState',
      ids: () => [paused()],
      faults: [],
      expected: {
        kind: 'service',
        code: 'InvalidClusterState',
        message: expect.stringMatching(/^An error occurred \(InvalidClusterState\) when calling the GetIdentityCenterAuthToken operation: Cluster .+ is not in the available state\. Its current state is paused\.$/u),
        hint: expect.stringContaining('resume-cluster'),
      },
    },
    {
      name: 'no identity-enhanced credentials → UnsupportedOperation',
      ids: () => [available()],
      faults: [{ kind: 'unsupported' }],
      expected: {
        kind: 'service',
        code: 'UnsupportedOperation',
        message: expect.stringMatching(/^An error occurred \(UnsupportedOperation\) when calling the GetIdentityCenterAuthToken operation: GetIdentityCenterAuthToken requires identity-enhanced credentials\. .+/u),
        hint: expect.stringMatching(/identity-enhanced IAM role sessions.+AssumeRole with ProvidedContexts/u),
      },
    },
    {
      name: '21 IDs sent straight to the SDK → RedshiftInvalidParameter',
      ids: () => Array.from({ length: 21 }, (_, i) => `c${i}`),
      faults: [],
      expected: { kind: 'service', code: 'RedshiftInvalidParameter', message: expect.stringMatching(/^An error occurred \(RedshiftInvalidParameter\) when calling the GetIdentityCenterAuthToken operation: .+/u) },
    },
    {
      name: 'expired environment credentials → ExpiredToken, named with their variables',
      ids: () => [available()],
      faults: [{ kind: 'expired-creds' }],
      expected: {
        kind: 'service',
        code: 'ExpiredToken',
        message: 'An error occurred (ExpiredToken) when calling the GetIdentityCenterAuthToken operation: The security token included in the request is expired',
        hint: 'The AWS credentials from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) have expired (region us-east-1). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to fresh credentials, or unset them to use a profile, then retry.',
      },
    },
  ] satisfies Array<{ name: string; ids: () => string[]; faults: FaultSpec[]; expected: object }>)('$name', async ({ ids, faults, expected }) => {
    const api = await start({ faults });
    const error = await failure(api.getToken(ids()));
    expect(error).toMatchObject({ name: 'AppError', retryable: false, ...expected });
    expect(error.exitCode).toBe(254);
    expect(error.userText.split('\n').length).toBeLessThanOrEqual(2);
  });
});
