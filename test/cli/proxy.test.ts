import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { selfSignedCert } from '../emulator/helpers.js';
import { basic, closedPort, startForwardProxy, type ForwardProxy, type ForwardProxyOptions } from '../support/forward-proxy.js';
import { makeCliHome, runCli, STACK_LINE, TEST_CREDENTIALS, type CliHome } from './run-cli.js';

/**
 * The built binary, scripted, behind a forward proxy in front of the emulator. The endpoint's host
 * name resolves only in the proxy, so a token on stdout means the request went through it.
 */

const HOST = 'redshift.proxy-only.test';
const env = { ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' };

let home: CliHome;
let certDir: string;
let certFile: string;
let pair: { cert: string; key: string };
let plain: RunningEmulator;
let tls: RunningEmulator;
let proxy: ForwardProxy | undefined;

beforeAll(async () => {
  home = makeCliHome();
  home.writeConfig('');
  certDir = mkdtempSync(join(tmpdir(), 'idc-cli-proxy-'));
  certFile = join(certDir, 'cert.pem');
  pair = selfSignedCert([HOST]);
  writeFileSync(certFile, pair.cert);
  [plain, tls] = await Promise.all([startEmulator(), startEmulator({ tls: pair })]);
});
afterAll(async () => {
  await Promise.all([plain.close(), tls.close()]);
  rmSync(certDir, { recursive: true, force: true });
  home.cleanup();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const startProxy = async (options: ForwardProxyOptions = {}) => (proxy = await startForwardProxy({ names: { [HOST]: '127.0.0.1' }, ...options }));
const token = (endpoint: string, extraArgs: string[], extraEnv: Record<string, string>) =>
  runCli(['--endpoint-url', endpoint, '--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', '--output', 'text', ...extraArgs], { home, env: { ...env, ...extraEnv } });

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\n$/u;

describe('through a proxy, scripted', () => {
  it('an http endpoint via HTTP_PROXY, its path kept as given', async () => {
    const p = await startProxy();
    const endpoint = `http://${HOST}:${plain.port}`;
    const result = await token(`${endpoint}/prefix`, [], { HTTP_PROXY: p.url });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(TIMESTAMP);
    expect(result.code).toBe(0);
    expect(p.log.map((e) => `${e.method} ${e.target}`)).toEqual([`POST ${endpoint}/prefix`]);
  });

  it('an https endpoint via HTTPS_PROXY (CONNECT), its certificate checked with --ca-bundle', async () => {
    const p = await startProxy();
    const result = await token(`https://${HOST}:${tls.port}`, ['--ca-bundle', certFile], { HTTPS_PROXY: p.url });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(TIMESTAMP);
    expect(p.log.map((e) => `${e.method} ${e.target} ${e.status}`)).toEqual([`CONNECT ${HOST}:${tls.port} 200`]);
  });

  it('user:password in the URL goes as Proxy-Authorization; --debug names the proxy with both masked', async () => {
    const p = await startProxy({ auth: { username: 'erin', password: 'pa ss@word' } });
    const proxyUrl = `http://erin:pa%20ss%40word@127.0.0.1:${p.port}`;
    const result = await token(`https://${HOST}:${tls.port}`, ['--ca-bundle', certFile, '--debug'], { https_proxy: proxyUrl });
    expect(result.code).toBe(0);
    expect(p.log[0]?.proxyAuthorization).toBe(basic('erin', 'pa ss@word'));
    expect(result.stderr).toContain(`[debug] proxy for https://${HOST}:${tls.port}: http://***:***@127.0.0.1:${p.port} (from https_proxy)\n`);
    expect(result.stderr).not.toMatch(/pa%20ss|pa ss@word|erin/u);
    expect(result.stderr).not.toContain(basic('erin', 'pa ss@word').slice(6));
  });

  it('NO_PROXY sends a listed host directly, and any other through the proxy', async () => {
    const p = await startProxy();
    const proxies = { HTTP_PROXY: p.url, NO_PROXY: `localhost,127.0.0.1,.other.test` };
    const direct = await token(plain.url, ['--debug'], proxies);
    expect(direct.code).toBe(0);
    expect(p.log).toEqual([]);
    expect(direct.stderr).toContain(`[debug] no proxy for ${plain.url}: NO_PROXY matches it\n`);
    const proxied = await token(`http://${HOST}:${plain.port}`, [], proxies);
    expect(proxied.code).toBe(0);
    expect(p.log).toHaveLength(1);
  });

  it('--demo never goes through a proxy to its own emulator', async () => {
    const result = await runCli(['--demo', '--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', '--output', 'text'], {
      home,
      env: { HTTP_PROXY: `http://127.0.0.1:${await closedPort()}`, HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('when the proxy says no, one line says so (255)', () => {
  it('407: asks for credentials, and how to give them', async () => {
    const p = await startProxy({ auth: { username: 'u', password: 'p' } });
    const result = await token(`https://${HOST}:${tls.port}`, ['--ca-bundle', certFile], { HTTPS_PROXY: p.url });
    expect(result.code).toBe(255);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `idc-tui: The proxy ${p.url} (from HTTPS_PROXY) asks for a user name and password (HTTP 407).\n` +
        `Give both in HTTPS_PROXY: http://USER:PASSWORD@127.0.0.1:${p.port}, and percent-encode special characters (@ as %40, : as %3A, % as %25).\n`,
    );
  });

  it('a proxy that is down', async () => {
    const port = await closedPort();
    const result = await token(`http://${HOST}:${plain.port}`, [], { HTTP_PROXY: `http://frank:fr4nk-secret@127.0.0.1:${port}` });
    expect(result.code).toBe(255);
    expect(result.stderr).toBe(
      `idc-tui: Cannot reach the proxy http://***:***@127.0.0.1:${port} (from HTTP_PROXY): connection refused.\n` +
        'Check HTTP_PROXY and that the proxy is running; hosts to reach without it go in NO_PROXY.\n',
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('a CONNECT the proxy forbids', async () => {
    const p = await startProxy({ refuseConnect: { status: 403, statusText: 'Forbidden' } });
    const result = await token(`https://${HOST}:${tls.port}`, ['--ca-bundle', certFile], { HTTPS_PROXY: p.url });
    expect(result.code).toBe(255);
    expect(result.stderr.split('\n')[0]).toBe(`idc-tui: The proxy ${p.url} (from HTTPS_PROXY) refused to connect to ${HOST}:${tls.port} (HTTP 403 Forbidden).`);
  });

  it('a proxy variable that is not a usable URL is a configuration error (253)', async () => {
    const result = await token(`https://${HOST}:${tls.port}`, [], { HTTPS_PROXY: 'socks5://127.0.0.1:1080' });
    expect(result.code).toBe(253);
    expect(result.stderr).toBe(
      'idc-tui: HTTPS_PROXY names a socks5:// proxy; only http:// and https:// proxies are supported (as in the AWS CLI).\n' +
        'Fix HTTPS_PROXY, or unset it to connect directly.\n',
    );
  });
});

describe('the CA bundle', () => {
  it('a missing one does not stop an http endpoint', async () => {
    const result = await token(plain.url, ['--ca-bundle', '/nonexistent/ca.pem'], { AWS_CA_BUNDLE: '/nonexistent/other.pem' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a missing one stops an https endpoint before anything is sent (253)', async () => {
    const before = tls.requests.length;
    const result = await token(tls.url, [], { AWS_CA_BUNDLE: '/nonexistent/ca.pem' });
    expect(result.code).toBe(253);
    expect(result.stderr.split('\n')[0]).toBe('idc-tui: Cannot read the CA bundle "/nonexistent/ca.pem" (ENOENT).');
    expect(tls.requests.length).toBe(before);
  });
});
