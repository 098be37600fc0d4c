import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptDeadlineMs } from '../../src/aws/attempt-deadline.js';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import { queryResponse, startHostileServer, tokenResult, trickle, type HostileServer, type TrickleOptions } from '../support/hostile-server.js';
import { envCredentials, failure, isolatedAwsHome, type AwsHome } from './aws-env.js';

let home: AwsHome;
let server: HostileServer | undefined;
beforeEach(() => {
  home = isolatedAwsHome(envCredentials);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  home.restore();
});

const document = queryResponse('GetIdentityCenterAuthToken', tokenResult('eyJ.trickled.token', new Date(Date.now() + 3_600_000).toISOString()));
const resultAt = document.indexOf('<GetIdentityCenterAuthTokenResult>');
/** The answer in two parts, white space dripping between them: complete and valid if it ever finishes. */
const slowAnswer = (more: Partial<TrickleOptions>): TrickleOptions => ({
  head: document.slice(0, resultAt),
  tail: document.slice(resultAt),
  everyMs: 100,
  // Far past the deadline under test: code without one gets the token, and the test fails instead of hanging.
  finishAfterMs: 6_000,
  ...more,
});

describe('a deadline on each attempt, so a trickling server cannot hold a call for ever', () => {
  it('ends an answer whose body drips a byte at a time, though the read timeout (silence) never fires', async () => {
    server = await startHostileServer({ GetIdentityCenterAuthToken: trickle(slowAnswer({})) });
    const api = createRedshiftApi({ endpointUrl: server.url, connectTimeoutMs: 500, readTimeoutMs: 500, maxAttempts: 1 });
    const error = await failure(api.getToken(['analytics']));
    api.destroy();
    expect(error).toMatchObject({ kind: 'network', retryable: true, message: `${server.url} did not finish its answer within 1 s.` });
    expect(error.hint).toContain('--cli-connect-timeout plus --cli-read-timeout');
    expect(error.exitCode).toBe(255);
  });

  it('ends headers that drip a byte at a time, and each retry gets its own deadline', async () => {
    server = await startHostileServer({ GetIdentityCenterAuthToken: trickle(slowAnswer({ headersToo: true })) });
    const api = createRedshiftApi({ endpointUrl: server.url, connectTimeoutMs: 400, readTimeoutMs: 400, maxAttempts: 2 });
    const error = await failure(api.getToken(['analytics']));
    api.destroy();
    expect(error).toMatchObject({ kind: 'network', message: `${server.url} did not finish its answer within 0.8 s.` });
    expect(server.requests).toHaveLength(2);
  });

  it('is connect + read timeout, and none when either is 0 (no timeout)', () => {
    expect(attemptDeadlineMs({})).toBe(120_000);
    expect(attemptDeadlineMs({ connectTimeoutMs: 5_000, readTimeoutMs: 10_000 })).toBe(15_000);
    expect(attemptDeadlineMs({ connectTimeoutMs: 0, readTimeoutMs: 10_000 })).toBe(0);
    expect(attemptDeadlineMs({ readTimeoutMs: 0 })).toBe(0);
  });
});
