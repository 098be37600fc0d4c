import { describe, expect, it } from 'vitest';
import { createRedshiftApi, type RedshiftApiOptions } from '../../src/aws/redshift-api.js';
import { parseFault, type RunningEmulator } from '../../src/emulator/server.js';
import { emulatorPerTest, failure } from './aws-env.js';

let emulator: RunningEmulator;
const startTestEmulator = emulatorPerTest();

async function start(faults: string[], options: RedshiftApiOptions = {}) {
  emulator = await startTestEmulator({ faults: faults.map(parseFault) });
  return createRedshiftApi({ endpointUrl: emulator.url, ...options });
}

const availableId = () => emulator.clusters.find((c) => c.status === 'available')?.identifier ?? 'missing';

async function drain(pages: AsyncIterable<unknown[]>): Promise<void> {
  for await (const page of pages) void page;
}

describe('retries', () => {
  it('retries throttling and reports each retry before it succeeds', async () => {
    const api = await start(['throttle:2']);
    const retries: Array<[number, string]> = [];
    const { token } = await api.getToken([availableId()], { onRetry: (n, reason) => retries.push([n, reason]) });
    expect(token).toBeTruthy();
    expect(retries).toEqual([
      [2, 'Throttling (HTTP 400)'],
      [3, 'Throttling (HTTP 400)'],
    ]);
    expect(emulator.requests.map((r) => r.code ?? r.status)).toEqual(['Throttling', 'Throttling', 200]);
  });

  it('gives up after AWS_MAX_ATTEMPTS with a retryable error', async () => {
    process.env['AWS_MAX_ATTEMPTS'] = '2';
    const api = await start(['throttle']);
    const retries: number[] = [];
    const error = await failure(api.getToken([availableId()], { onRetry: (n) => retries.push(n) }));
    expect(error).toMatchObject({
      kind: 'service',
      code: 'Throttling',
      retryable: true,
      message: 'An error occurred (Throttling) when calling the GetIdentityCenterAuthToken operation (reached max retries: 1): Rate exceeded',
      hint: 'Redshift is throttling requests: wait a moment and retry.',
    });
    expect(error.exitCode).toBe(254);
    expect(retries).toEqual([2]);
    expect(emulator.requests).toHaveLength(2);
  });

  it('honours maxAttempts from the options over the environment', async () => {
    process.env['AWS_MAX_ATTEMPTS'] = '5';
    const api = await start(['503'], { maxAttempts: 1 });
    const error = await failure(api.getToken([availableId()]));
    expect(error).toMatchObject({ kind: 'service', code: 'ServiceUnavailable', retryable: true });
    expect(error.message).toBe('An error occurred (ServiceUnavailable) when calling the GetIdentityCenterAuthToken operation (reached max retries: 0): The request has failed due to a temporary failure of the server.');
    expect(emulator.requests).toHaveLength(1);
  });

  it('retries 5xx on listing too, then succeeds', async () => {
    const api = await start(['500:1']);
    const retries: string[] = [];
    await drain(api.listClusters({ onRetry: (_n, reason) => retries.push(reason) }));
    expect(retries).toEqual(['InternalFailure (HTTP 500)']);
  });

  it('reports an exhausted 500 as a retryable server error', async () => {
    const api = await start(['500'], { maxAttempts: 2 });
    const error = await failure(api.getToken([availableId()]));
    expect(error).toMatchObject({
      kind: 'service',
      code: 'InternalFailure',
      retryable: true,
      message: 'An error occurred (InternalFailure) when calling the GetIdentityCenterAuthToken operation (reached max retries: 1): The request processing has failed because of an unknown error, exception or failure.',
    });
  });
});

describe('faults on the wire', () => {
  it('maps AccessDenied on listing to a hint about typing the IDs, while the token call still works', async () => {
    const api = await start(['denied']);
    const error = await failure(drain(api.listClusters()));
    expect(error).toMatchObject({
      kind: 'service',
      code: 'AccessDenied',
      message:
        'An error occurred (AccessDenied) when calling the DescribeClusters operation: User: arn:aws:sts::123456789012:assumed-role/IdentityCenterDataAnalyst/alice@example.com is not authorized to perform: redshift:DescribeClusters on resource: arn:aws:redshift:us-east-1:123456789012:cluster:* because no identity-based policy allows the redshift:DescribeClusters action',
      hint: 'These credentials (region us-east-1, profile default) may not list clusters: type the cluster IDs by hand instead (i in the list, or --cluster-ids).',
    });
    await expect(api.getToken([availableId()])).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('maps a reset connection to a network error naming the endpoint', async () => {
    const api = await start(['reset'], { maxAttempts: 2 });
    const error = await failure(api.getToken([availableId()]));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toBe(`Cannot reach ${emulator.url}: connection reset.`);
    expect(error.exitCode).toBe(255);
    expect(emulator.requests).toHaveLength(2);
  });

  it('maps a truncated XML answer to an unreadable-answer error', async () => {
    const api = await start(['malformed'], { maxAttempts: 1 });
    const error = await failure(api.getToken([availableId()]));
    expect(error).toMatchObject({ kind: 'other', code: 'MalformedResponse', retryable: true });
    expect(error.message).toBe("could not read Redshift's answer: the SDK cannot parse it (HTTP 200: @aws-sdk XML parse error: missing closing tag </Token>.)");
    expect(error.exitCode).toBe(255);
  });

  it('ends a hung answer with the read timeout', async () => {
    const api = await start(['slow:3000'], { readTimeoutMs: 200, maxAttempts: 1 });
    const error = await failure(api.getToken([availableId()]));
    expect(error).toMatchObject({ kind: 'network', retryable: true, message: `${emulator.url} did not answer in time.` });
    expect(error.hint).toContain('--cli-read-timeout');
  });

  it('names the endpoint when the connection is refused', async () => {
    emulator = await startTestEmulator();
    const url = emulator.url;
    await emulator.close();
    const api = createRedshiftApi({ endpointUrl: url, maxAttempts: 1 });
    const error = await failure(api.getToken(['any']));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', message: `Cannot reach ${url}: connection refused.` });
    expect(error.exitCode).toBe(255);
  });

  it('maps an unsigned request to MissingAuthenticationToken', async () => {
    const api = await start([], { signRequest: false });
    const error = await failure(api.getToken([availableId()]));
    expect(error).toMatchObject({
      kind: 'service',
      code: 'MissingAuthenticationToken',
      message: 'An error occurred (MissingAuthenticationToken) when calling the GetIdentityCenterAuthToken operation: Request is missing Authentication Token',
      hint: expect.stringContaining('drop --no-sign-request'),
    });
    expect(emulator.requests[0]?.authorization).toBe(false);
  });
});
