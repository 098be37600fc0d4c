import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStsClient } from '../../src/aws/client.js';
import { createRedshiftApi, type RedshiftApiOptions } from '../../src/aws/redshift-api.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { selfSignedCert } from '../emulator/helpers.js';
import { basic, closedPort, startForwardProxy, type ForwardProxy, type ForwardProxyOptions } from '../support/forward-proxy.js';
import { envCredentials, failure, isolatedAwsHome, type AwsHome } from './aws-env.js';

/**
 * The real SDK through a real forward proxy in front of the emulator. The endpoint's host name,
 * redshift.proxy-only.test, resolves nowhere but in the proxy: an answer means the request went
 * through it.
 */

const HOST = 'redshift.proxy-only.test';
const NAMES = { [HOST]: '127.0.0.1', 'sts.proxy-only.test': '127.0.0.1' };

let certDir: string;
let certFile: string;
let pair: { cert: string; key: string };
let home: AwsHome;
let proxy: ForwardProxy | undefined;
let emulator: RunningEmulator | undefined;

beforeAll(() => {
  certDir = mkdtempSync(join(tmpdir(), 'idc-tui-proxy-'));
  certFile = join(certDir, 'cert.pem');
  pair = selfSignedCert([HOST]);
  writeFileSync(certFile, pair.cert);
});
afterAll(() => rmSync(certDir, { recursive: true, force: true }));

beforeEach(() => {
  home = isolatedAwsHome(envCredentials);
});
afterEach(async () => {
  await proxy?.close();
  await emulator?.close();
  proxy = undefined;
  emulator = undefined;
  home.restore();
});

async function setUp(opts: { tls?: boolean; proxy?: ForwardProxyOptions } = {}) {
  emulator = await startEmulator(opts.tls ? { tls: pair } : {});
  proxy = await startForwardProxy({ names: NAMES, ...opts.proxy });
  const endpointUrl = `${opts.tls ? 'https' : 'http'}://${HOST}:${emulator.port}`;
  return { emulator, proxy, endpointUrl };
}

const available = () => emulator?.clusters.find((c) => c.status === 'available')?.identifier ?? 'missing';
const tokenVia = (options: RedshiftApiOptions) => createRedshiftApi({ maxAttempts: 1, ...options }).getToken([available()]);

describe('an http endpoint through HTTP_PROXY', () => {
  it('forwards the request in absolute form; the endpoint answers', async () => {
    const { endpointUrl, proxy } = await setUp();
    process.env['HTTP_PROXY'] = proxy.url;
    await expect(tokenVia({ endpointUrl })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log).toEqual([{ method: 'POST', target: `${endpointUrl}/`, proxyAuthorization: undefined, status: 200 }]);
    expect(emulator?.requests.map((r) => r.action)).toEqual(['GetIdentityCenterAuthToken']);
  });

  it('lists clusters page by page through it, on kept-alive connections', async () => {
    const { endpointUrl, proxy } = await setUp();
    process.env['http_proxy'] = proxy.url;
    const pages: number[] = [];
    for await (const page of createRedshiftApi({ endpointUrl, pageSize: 20 }).listClusters()) pages.push(page.length);
    expect(pages).toEqual([20, 16]);
    expect(proxy.log.map((e) => e.method)).toEqual(['POST', 'POST']);
    expect(proxy.connections).toBe(1);
  });

  it('keeps the endpoint path as given, in the absolute request line too', async () => {
    const { endpointUrl, proxy } = await setUp();
    process.env['HTTP_PROXY'] = proxy.url;
    await tokenVia({ endpointUrl: `${endpointUrl}/prefix` });
    await tokenVia({ endpointUrl: `${endpointUrl}/prefix/` });
    expect(proxy.log.map((e) => e.target)).toEqual([`${endpointUrl}/prefix`, `${endpointUrl}/prefix/`]);
  });

  it('a 407 from the proxy asks for the user name and password, naming the variable', async () => {
    const { endpointUrl, proxy } = await setUp({ proxy: { auth: { username: 'alice', password: 'pw' } } });
    process.env['HTTP_PROXY'] = proxy.url;
    const error = await failure(tokenVia({ endpointUrl }));
    expect(error).toMatchObject({ kind: 'network', code: 'ProxyAuthenticationRequired', exitCode: 255 });
    expect(error.message).toBe(`The proxy ${proxy.url} (from HTTP_PROXY) asks for a user name and password (HTTP 407).`);
    expect(error.hint).toBe(`Give both in HTTP_PROXY: http://USER:PASSWORD@127.0.0.1:${proxy.port}, and percent-encode special characters (@ as %40, : as %3A, % as %25).`);
    expect(emulator?.requests).toHaveLength(0);
  });
});

describe('an answer the proxy made up for a plain-HTTP request', () => {
  it('names the proxy on the detail line (here its 502 for a host it cannot reach)', async () => {
    const { proxy } = await setUp();
    process.env['HTTP_PROXY'] = proxy.url;
    const error = await failure(tokenVia({ endpointUrl: 'http://unknown.proxy-only.test' }));
    expect(proxy.log.map((e) => e.status)).toEqual([502]);
    expect(error.hint).toMatch(new RegExp(`^Through the proxy ${proxy.url} \\(from HTTP_PROXY\\)\\. `, 'u'));
  });
});

describe('an https endpoint through HTTPS_PROXY (CONNECT)', () => {
  it('tunnels to the endpoint and checks its certificate against --ca-bundle; the tunnel is kept alive', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true });
    process.env['HTTPS_PROXY'] = proxy.url;
    const api = createRedshiftApi({ endpointUrl, caBundle: certFile });
    await expect(api.getToken([available()])).resolves.toMatchObject({ token: expect.any(String) });
    await expect(api.getToken([available()])).resolves.toMatchObject({ token: expect.any(String) });
    api.destroy();
    expect(proxy.connections).toBe(1);
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: `${HOST}:${emulator?.port}`, proxyAuthorization: undefined, status: 200 }]);
    expect(emulator?.requests.map((r) => r.action)).toEqual(['GetIdentityCenterAuthToken', 'GetIdentityCenterAuthToken']);
  });

  it('with AWS_CA_BUNDLE, or --no-verify-ssl, as without a proxy', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true });
    process.env['https_proxy'] = proxy.url;
    process.env['AWS_CA_BUNDLE'] = certFile;
    await expect(tokenVia({ endpointUrl })).resolves.toMatchObject({ token: expect.any(String) });
    delete process.env['AWS_CA_BUNDLE'];
    await expect(tokenVia({ endpointUrl, verifySsl: false })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log.map((e) => e.method)).toEqual(['CONNECT', 'CONNECT']);
  });

  it('refuses a certificate the CA bundle does not vouch for, and says which proxy the request went through', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true });
    process.env['HTTPS_PROXY'] = proxy.url;
    const error = await failure(tokenVia({ endpointUrl }));
    expect(error).toMatchObject({ kind: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(error.message).toBe(`The TLS certificate of ${endpointUrl} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).`);
    expect(error.hint).toMatch(new RegExp(`^Through the proxy ${proxy.url} \\(from HTTPS_PROXY\\)\\. Pass --ca-bundle`, 'u'));
  });

  it('through an https:// proxy, whose certificate the same CA settings check', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true, proxy: { tls: pair } });
    process.env['HTTPS_PROXY'] = proxy.url;
    expect(proxy.url).toMatch(/^https:/u);
    await expect(tokenVia({ endpointUrl, caBundle: certFile })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log.map((e) => `${e.method} ${e.status}`)).toEqual(['CONNECT 200']);
    const error = await failure(tokenVia({ endpointUrl }));
    expect(error).toMatchObject({ kind: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(error.message).toBe(`The TLS certificate of the proxy ${proxy.url} (from HTTPS_PROXY) is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).`);
    expect(proxy.log).toHaveLength(1);
  });

  it('sends the user name and password of the URL, percent-decoded, as Proxy-Authorization Basic; never shows them', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true, proxy: { auth: { username: 'us@er', password: 'p:ss%word' } } });
    process.env['HTTPS_PROXY'] = `http://us%40er:p%3Ass%25word@127.0.0.1:${proxy.port}`;
    await expect(tokenVia({ endpointUrl, caBundle: certFile })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log[0]?.proxyAuthorization).toBe(basic('us@er', 'p:ss%word'));
  });

  it('a 407 to CONNECT with a wrong password says the proxy refused it, masking both', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true, proxy: { auth: { username: 'alice', password: 'right' } } });
    process.env['HTTPS_PROXY'] = `http://alice:wrong-secret@127.0.0.1:${proxy.port}`;
    const error = await failure(tokenVia({ endpointUrl, caBundle: certFile }));
    expect(error.message).toBe(`The proxy http://***:***@127.0.0.1:${proxy.port} (from HTTPS_PROXY) did not accept the user name and password (HTTP 407).`);
    expect(error.hint).toBe('Check them in HTTPS_PROXY; percent-encode special characters (@ as %40, : as %3A, % as %25).');
    expect(error).toMatchObject({ kind: 'network', exitCode: 255 });
    expect(`${error.message}\n${error.hint}`).not.toMatch(/wrong-secret|alice/u);
    expect(emulator?.requests).toHaveLength(0);
  });

  it('a CONNECT the proxy forbids is named as such, once, not handed to the SDK as the endpoint’s answer', async () => {
    const { endpointUrl, proxy } = await setUp({ tls: true, proxy: { refuseConnect: { status: 403, statusText: 'Forbidden', body: '<html>Blocked by policy</html>' } } });
    process.env['HTTPS_PROXY'] = proxy.url;
    const error = await failure(createRedshiftApi({ endpointUrl, caBundle: certFile, maxAttempts: 3 }).getToken(['analytics-prod']));
    expect(error.message).toBe(`The proxy ${proxy.url} (from HTTPS_PROXY) refused to connect to ${HOST}:${emulator?.port} (HTTP 403 Forbidden).`);
    expect(error.hint).toBe(`Ask the proxy's administrators to allow ${HOST}, or add it to NO_PROXY if it can be reached without the proxy.`);
    expect(proxy.log).toHaveLength(1);
  });

  it('a proxy that cannot reach the host (502) is said so', async () => {
    const { proxy } = await setUp({ tls: true });
    process.env['HTTPS_PROXY'] = proxy.url;
    const error = await failure(tokenVia({ endpointUrl: 'https://unknown.proxy-only.test', caBundle: certFile }));
    expect(error.message).toBe(`The proxy ${proxy.url} (from HTTPS_PROXY) could not connect to unknown.proxy-only.test:443 (HTTP 502 Bad Gateway).`);
  });
});

describe('a proxy that is down', () => {
  it('is named, with the variable it came from, instead of "host not found" for the endpoint', async () => {
    const port = await closedPort();
    process.env['HTTPS_PROXY'] = `http://bob:hunter2-secret@127.0.0.1:${port}`;
    const error = await failure(tokenVia({ endpointUrl: `https://${HOST}` }));
    expect(error.message).toBe(`Cannot reach the proxy http://***:***@127.0.0.1:${port} (from HTTPS_PROXY): connection refused.`);
    expect(error.hint).toBe('Check HTTPS_PROXY and that the proxy is running; hosts to reach without it go in NO_PROXY.');
    expect(error).toMatchObject({ kind: 'network', exitCode: 255 });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });
});

describe('a proxy that drops the connection before it answers', () => {
  it.each(['https', 'http'])('is named for an %s endpoint', async (scheme) => {
    const dropper = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = dropper.address() as AddressInfo;
      process.env[`${scheme.toUpperCase()}_PROXY`] = `127.0.0.1:${port}`;
      const error = await failure(tokenVia({ endpointUrl: `${scheme}://${HOST}` }));
      expect(error.message).toMatch(new RegExp(`^Cannot reach the proxy http://127\\.0\\.0\\.1:${port} \\(from ${scheme.toUpperCase()}_PROXY\\): (connection reset|connection closed|the connection ended before it answered)\\.$`, 'u'));
    } finally {
      dropper.close();
    }
  });
});

describe('a proxy that never answers CONNECT', () => {
  it('is bounded by the connect timeout, and the detail names the proxy', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      process.env['HTTPS_PROXY'] = `http://127.0.0.1:${port}`;
      const error = await failure(tokenVia({ endpointUrl: `https://${HOST}`, connectTimeoutMs: 1000 }));
      expect(error.message).toBe(`Timed out connecting to https://${HOST}.`);
      expect(error.hint).toBe(`Through the proxy http://127.0.0.1:${port} (from HTTPS_PROXY). Check the network, or raise --cli-connect-timeout (seconds, 0 = none).`);
    } finally {
      held.forEach((socket) => socket.destroy());
      silent.close();
    }
  });
});

describe('NO_PROXY', () => {
  it('sends a listed host directly, and any other through the proxy', async () => {
    const { proxy, endpointUrl } = await setUp();
    emulator = emulator as RunningEmulator;
    process.env['HTTP_PROXY'] = proxy.url;
    process.env['NO_PROXY'] = 'example.com, 127.0.0.1';
    await expect(tokenVia({ endpointUrl: emulator.url })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log).toEqual([]);
    await expect(tokenVia({ endpointUrl })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log.map((e) => e.target)).toEqual([`${endpointUrl}/`]);
    expect(emulator.requests).toHaveLength(2);
  });

  it('an empty no_proxy turns NO_PROXY off, as in the AWS CLI', async () => {
    const { proxy, endpointUrl } = await setUp();
    process.env['HTTP_PROXY'] = proxy.url;
    process.env['NO_PROXY'] = HOST;
    process.env['no_proxy'] = '';
    await expect(tokenVia({ endpointUrl })).resolves.toMatchObject({ token: expect.any(String) });
    expect(proxy.log).toHaveLength(1);
  });
});

describe('every client uses the same transport', () => {
  it('STS GetCallerIdentity goes through the proxy to its own endpoint', async () => {
    const { proxy } = await setUp();
    process.env['HTTP_PROXY'] = proxy.url;
    process.env['AWS_ENDPOINT_URL_STS'] = `http://sts.proxy-only.test:${emulator?.port}`;
    const identity = await createStsClient({}).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('123456789012');
    expect(proxy.log.map((e) => e.target)).toEqual([`http://sts.proxy-only.test:${emulator?.port}/`]);
  });

  it('logs once per host where its requests go, credentials masked', async () => {
    const { proxy, endpointUrl } = await setUp();
    process.env['HTTP_PROXY'] = `http://carol:s3cret-pw@127.0.0.1:${proxy.port}`;
    const lines: string[] = [];
    const api = createRedshiftApi({ endpointUrl, routeLog: (line) => lines.push(line) });
    await api.getToken([available()]);
    await api.getToken([available()]);
    expect(lines).toEqual([`proxy for ${endpointUrl}: http://***:***@127.0.0.1:${proxy.port} (from HTTP_PROXY)`]);
  });

  it('an unusable proxy variable is a configuration error (253) before anything is sent', async () => {
    process.env['HTTPS_PROXY'] = 'socks5://127.0.0.1:1080';
    const error = await failure(tokenVia({ endpointUrl: `https://${HOST}` }));
    expect(error).toMatchObject({ kind: 'config', exitCode: 253 });
    expect(error.message).toBe('HTTPS_PROXY names a socks5:// proxy; only http:// and https:// proxies are supported (as in the AWS CLI).');
  });
});
