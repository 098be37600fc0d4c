import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { closedPort, startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/** The built TUI in tmux: its identity comes from STS's own endpoint, and every request goes through the proxy when one is set. */

const HOST = 'redshift.proxy-only.test';
const STS_HOST = 'sts.proxy-only.test';

let session: TmuxSession | undefined;
let emulator: RunningEmulator;
let proxy: ForwardProxy | undefined;
let dir: string;

beforeAll(async () => {
  assertBuilt();
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'idc-proxy-tui-'));
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});
afterEach(async () => {
  session?.kill();
  session = undefined;
  await proxy?.close();
  proxy = undefined;
});

function privateEnv(extra: Record<string, string>): Record<string, string> {
  const home = mkdtempSync(join(dir, 'home-'));
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** The tmux server has the test process's environment: the variables a run does not set are unset. */
const UNSET = ['AWS_PROFILE', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_CA_BUNDLE'];
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

function start(args: string, env: Record<string, string>, stderrFile?: string): TmuxSession {
  const unset = [...UNSET, ...PROXY_VARIABLES].filter((name) => !(name in env));
  const redirect = stderrFile ? ` 2>${shellQuote(stderrFile)}` : '';
  session = TmuxSession.start(`unset ${unset.join(' ')}; node ${shellQuote(binPath)} ${args}${redirect}`, { columns: 160, rows: 30, cwd: repoRoot, env: privateEnv(env) });
  return session;
}

describe('the header’s identity', () => {
  it('--demo shows it from the embedded emulator, whatever STS endpoint or proxy the environment names', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const s = start('--demo', { AWS_ENDPOINT_URL_STS: down, HTTP_PROXY: down, HTTPS_PROXY: down });
    const screen = await s.waitFor(/account 123456789012/u);
    expect(screen).toContain('36 clusters');
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
  });
});

describe('the TUI behind a proxy', () => {
  it('lists clusters and shows the identity through HTTP_PROXY; --debug names the proxy of each host, password masked', async () => {
    proxy = await startForwardProxy({ names: { [HOST]: '127.0.0.1', [STS_HOST]: '127.0.0.1' } });
    const stderrFile = join(dir, 'stderr.txt');
    const proxyUrl = `http://gina:g1na-secret@127.0.0.1:${proxy.port}`;
    const s = start(`--debug --endpoint-url ${shellQuote(`http://${HOST}:${emulator.port}`)}`, {
      AWS_ACCESS_KEY_ID: 'AKIDPROXYTUI',
      AWS_SECRET_ACCESS_KEY: 'proxy-tui-secret',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_STS: `http://${STS_HOST}:${emulator.port}`,
      HTTP_PROXY: proxyUrl,
    }, stderrFile);
    const screen = await s.waitFor((text) => text.includes('36 clusters') && text.includes('account 123456789012'));
    expect(screen).toMatch(/analytics-prod\s+available/u);
    s.send('q');
    expect(await s.exitStatus()).toBe(0);
    const stderr = existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
    const masked = `http://***:***@127.0.0.1:${proxy.port} (from HTTP_PROXY)`;
    expect(stderr).toContain(`debug: proxy for http://${HOST}:${emulator.port}: ${masked}\n`);
    expect(stderr).toContain(`debug: proxy for http://${STS_HOST}:${emulator.port}: ${masked}\n`);
    expect(stderr).not.toMatch(/g1na-secret|gina/u);
    expect(proxy.log.map((e) => e.target)).toEqual(expect.arrayContaining([`http://${HOST}:${emulator.port}/`, `http://${STS_HOST}:${emulator.port}/`]));
  });
});
