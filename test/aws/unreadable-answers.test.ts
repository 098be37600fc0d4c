import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionInfo } from '../../src/aws/identity.js';
import { createRedshiftApi, type AwsRedshiftApi } from '../../src/aws/redshift-api.js';
import type { AppError } from '../../src/domain/errors.js';
import {
  clustersResult,
  queryResponse,
  startHostileServer,
  tokenResult,
  type HostileAnswer,
  type HostileHandler,
  type HostileServer,
} from '../support/hostile-server.js';
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

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const tokenAnswer = (token: string | undefined, expiration: string | undefined): HostileAnswer => ({
  body: queryResponse('GetIdentityCenterAuthToken', tokenResult(token, expiration)),
});
const deeplyNested = (depth: number) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;
const HTML = '<!DOCTYPE html>\n<html><head><title>Wi-Fi login</title></head><body>Sign in to continue</body></html>';

async function apiAnswering(handlers: Record<string, HostileHandler>, maxAttempts = 1): Promise<AwsRedshiftApi> {
  server = await startHostileServer(handlers);
  return createRedshiftApi({ endpointUrl: server.url, maxAttempts });
}

async function drain<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

function expectUnreadable(error: AppError, detail: RegExp): void {
  expect(error).toMatchObject({ name: 'AppError', kind: 'other', code: 'MalformedResponse', retryable: true });
  expect(error.exitCode).toBe(255);
  expect(error.message).toMatch(/^could not read Redshift's answer: /u);
  expect(error.message).toMatch(detail);
  expect(error.message).not.toMatch(/Redshift answered/u);
}

describe('a GetIdentityCenterAuthToken answer that is not one is unreadable, never a token of None', () => {
  it.each<{ name: string; answer: HostileAnswer; detail: RegExp }>([
    { name: 'an empty 200', answer: { body: '' }, detail: /GetIdentityCenterAuthToken got an empty body \(HTTP 200\)/u },
    { name: 'white space only', answer: { body: ' \r\n\t ' }, detail: /got an empty body/u },
    {
      name: 'a captive portal (HTML 200)',
      answer: { body: HTML, headers: { 'Content-Type': 'text/html' } },
      detail: /got an HTML page, not XML \(HTTP 200: a captive portal or a proxy\?\)$/u,
    },
    { name: 'bare <html>', answer: { body: '<html><body>hi</body></html>' }, detail: /got an HTML page/u },
    { name: 'JSON', answer: { body: '{"Token": "x"}' }, detail: /got a body that is not XML/u },
    {
      name: 'another operation’s document',
      answer: { body: queryResponse('DescribeClusters', clustersResult([])) },
      detail: /got <DescribeClustersResponse>, not <GetIdentityCenterAuthTokenResponse>/u,
    },
    {
      name: 'the right root without its Result',
      answer: { body: '<?xml version="1.0"?><GetIdentityCenterAuthTokenResponse><ResponseMetadata/></GetIdentityCenterAuthTokenResponse>' },
      detail: /got no GetIdentityCenterAuthTokenResult/u,
    },
    { name: 'no Token', answer: tokenAnswer(undefined, inAnHour()), detail: /got no Token$/u },
    { name: 'an empty Token', answer: tokenAnswer('', inAnHour()), detail: /got no Token$/u },
    { name: 'no ExpirationTime', answer: tokenAnswer('eyJhbGciOiJIUzI1NiJ9.x.y', undefined), detail: /got no ExpirationTime$/u },
    { name: 'a bad timestamp', answer: tokenAnswer('eyJ.x.y', 'tomorrow-ish'), detail: /the SDK cannot parse it \(HTTP 200: .*tomorrow-ish/u },
    {
      name: 'nesting too deep for the parser',
      answer: { body: queryResponse('GetIdentityCenterAuthToken', `<Token>${deeplyNested(20_000)}</Token>`) },
      detail: /the SDK cannot parse it \(HTTP 200: Maximum call stack size exceeded\)/u,
    },
    {
      name: 'a redirect',
      answer: { status: 302, headers: { Location: 'http://portal.example/login?next=aws' } },
      detail: /a redirect \(HTTP 302 to http:\/\/portal\.example\/login\?next=aws\), which AWS never sends/u,
    },
    { name: 'a redirect to somewhere unprintable', answer: { status: 307, headers: { Location: 'http://a b/' } }, detail: /a redirect \(HTTP 307\)/u },
    {
      name: 'a proxy’s HTML 403',
      answer: { status: 403, body: HTML, headers: { 'Content-Type': 'text/html' } },
      detail: /HTTP 403 with an HTML page, not an AWS error/u,
    },
    { name: 'an empty 400', answer: { status: 400 }, detail: /HTTP 400 with an empty body, not an AWS error/u },
    {
      name: 'an error document nested too deep',
      answer: { status: 400, body: `<ErrorResponse>${deeplyNested(20_000)}</ErrorResponse>` },
      detail: /the SDK cannot parse it \(HTTP 400: Maximum call stack size exceeded\)/u,
    },
  ])('$name', async ({ answer, detail }) => {
    const api = await apiAnswering({ GetIdentityCenterAuthToken: () => answer }, 3);
    expectUnreadable(await failure(api.getTokenRaw(['analytics'])), detail);
    expectUnreadable(await failure(api.getToken(['analytics'])), detail);
    // Not retried: one request per call.
    expect(server?.requests).toHaveLength(2);
  });

  it.each([
    ['ESC (an OSC 52 clipboard write)', 'eyJ\u001b]52;c;cHduZWQ=\u0007.x'],
    ['a carriage return', 'eyJ.x\r.y'],
    ['NUL', 'eyJ\u0000.x'],
    ['DEL', 'eyJ\u007f.x'],
    ['a C1 control (CSI)', 'eyJ\u009b31m.x'],
    ['a bidi override', 'eyJ\u202e.x'],
    ['a bidi isolate', 'eyJ\u2066.x'],
  ])('a Token with %s', async (_name, token) => {
    const api = await apiAnswering({ GetIdentityCenterAuthToken: () => tokenAnswer(token, inAnHour()) });
    expectUnreadable(await failure(api.getTokenRaw(['analytics'])), /got a Token with control characters, which no real token has/u);
  });

  it('a captive portal is unreadable, while an HTML 5xx is still a server error, retried, in the AWS CLI’s words', async () => {
    const api = await apiAnswering({ GetIdentityCenterAuthToken: (req) => (req.count === 1 ? { body: HTML } : { status: 503, body: HTML }) }, 2);
    expectUnreadable(await failure(api.getToken(['analytics'])), /got an HTML page/u);
    const error = await failure(api.getToken(['analytics']));
    expect(error).toMatchObject({ kind: 'service', retryable: true, message: 'An error occurred (503) when calling the GetIdentityCenterAuthToken operation (reached max retries: 1): Service Unavailable' });
    expect(server?.requests).toHaveLength(3);
  });
});

describe('a DescribeClusters answer that is not one is unreadable, never zero clusters', () => {
  it.each<{ name: string; answer: HostileAnswer; detail: RegExp }>([
    { name: 'an empty 200', answer: { body: '' }, detail: /DescribeClusters got an empty body/u },
    { name: 'a captive portal (HTML 200)', answer: { body: HTML }, detail: /DescribeClusters got an HTML page/u },
    { name: 'another document', answer: { body: '<?xml version="1.0"?><Portal><Login/></Portal>' }, detail: /DescribeClusters got <Portal>, not <DescribeClustersResponse>/u },
    {
      name: 'no Result',
      answer: { body: '<DescribeClustersResponse xmlns="x"><ResponseMetadata/></DescribeClustersResponse>' },
      detail: /DescribeClusters got no DescribeClustersResult/u,
    },
    { name: 'a redirect', answer: { status: 301, headers: { Location: 'https://login.example/' } }, detail: /a redirect \(HTTP 301 to https:\/\/login\.example\/\)/u },
    {
      name: 'nesting too deep',
      answer: { body: queryResponse('DescribeClusters', `<Clusters><Cluster><ClusterIdentifier>a</ClusterIdentifier><Tags>${deeplyNested(20_000)}</Tags></Cluster></Clusters>`) },
      detail: /the SDK cannot parse it/u,
    },
  ])('$name', async ({ answer, detail }) => {
    const realEmptyList = { body: queryResponse('DescribeClusters', '<Clusters/>') };
    const api = await apiAnswering({ DescribeClusters: (req) => (req.count === 1 ? answer : realEmptyList) });
    expectUnreadable(await failure(drain(api.listClusters())), detail);
    await expect(drain(api.listClusters())).resolves.toEqual([]);
  });
});

describe('STS GetCallerIdentity', () => {
  it.each<[string, HostileAnswer, string]>([
    ['an HTML page', { body: HTML }, 'GetCallerIdentity got an HTML page'],
    ['no Account', { body: queryResponse('GetCallerIdentity', '<Arn>arn:aws:iam::1:user/a</Arn>', 'https://sts.amazonaws.com/doc/2011-06-15/') }, 'GetCallerIdentity got no Account or Arn'],
  ])('%s: identity() rejects with an unreadable answer', async (_name, answer, detail) => {
    server = await startHostileServer({ GetCallerIdentity: () => answer });
    const session = createSessionInfo({ stsEndpointUrl: server.url, maxAttempts: 1 });
    try {
      await expect(session.identity()).rejects.toThrow(`could not read STS's answer: ${detail}`);
    } finally {
      session.destroy();
    }
  });
});
