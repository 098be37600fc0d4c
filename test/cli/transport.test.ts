import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { collect, makeCliHome, runCli, startCli, STACK_LINE, TEST_CREDENTIALS, type CliHome } from './run-cli.js';
import { selfSignedCert } from '../emulator/helpers.js';

let home: CliHome;
let emulator: RunningEmulator;
const env = { ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' };

beforeAll(async () => {
  home = makeCliHome();
  home.writeConfig('');
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
  home.cleanup();
});

afterEach(() => emulator.setFaults([]));

const run = (args: string[], extra: Record<string, string> = {}) => runCli(['--endpoint-url', emulator.url, ...args], { home, env: { ...env, ...extra } });

describe('timeouts', () => {
  it('--cli-read-timeout 1 ends a slow answer with a message', async () => {
    emulator.setFaults([{ kind: 'slow', ms: 3000 }]);
    const result = await run(['--cluster-ids', 'analytics-prod', '--cli-read-timeout', '1']);
    expect(result.code).toBe(255);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`idc-tui: ${emulator.url} did not answer in time.\nRetry, or raise --cli-read-timeout (seconds, 0 = none).\n`);
  });

  it('--cli-read-timeout 0 waits as long as it takes', async () => {
    emulator.setFaults([{ kind: 'slow', ms: 1500 }]);
    const result = await run(['--cluster-ids', 'analytics-prod', '--cli-read-timeout', '0', '--query', 'ExpirationTime']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  describe('--cli-connect-timeout', () => {
    let stalled: Server;
    const held: Socket[] = [];
    beforeAll(async () => {
      // Accepts TCP and never answers the TLS handshake.
      stalled = createServer((socket) => {
        held.push(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      held.forEach((s) => s.destroy());
      await new Promise((resolve) => stalled.close(resolve));
    });

    it('covers a TLS handshake that never completes (as the AWS CLI counts it)', async () => {
      const address = stalled.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const url = `https://127.0.0.1:${port}`;
      const result = await runCli(['--endpoint-url', url, '--cluster-ids', 'analytics-prod', '--cli-connect-timeout', '1'], { home, env });
      expect(result.code).toBe(255);
      expect(result.stderr).toBe(`idc-tui: Timed out connecting to ${url}.\nCheck the network, or raise --cli-connect-timeout (seconds, 0 = none).\n`);
    });

    const hasPython = spawnSync('python3', ['-c', 'pass'], { stdio: 'ignore' }).status === 0;
    it.skipIf(!hasPython)('ends a TCP connect that is never answered (listener with a full backlog)', async () => {
      // A socket that listens with backlog 0 and never accepts: once one connection waits in its
      // queue, the kernel drops further SYNs, so the next connect hangs.
      const listener: ChildProcess = spawn('python3', ['-c', 'import socket,sys,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(60)'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const port = Number(await new Promise<string>((resolve) => createInterface({ input: listener.stdout! }).once('line', resolve)));
        const filler = connect(port, '127.0.0.1');
        filler.on('error', () => undefined);
        await new Promise((resolve) => filler.once('connect', resolve));
        const url = `http://127.0.0.1:${port}`;
        const result = await runCli(['--endpoint-url', url, '--cluster-ids', 'analytics-prod', '--cli-connect-timeout', '1'], { home, env });
        filler.destroy();
        expect(result.code).toBe(255);
        expect(result.stderr).toBe(`idc-tui: Timed out connecting to ${url}.\nCheck the network, or raise --cli-connect-timeout (seconds, 0 = none).\n`);
      } finally {
        listener.kill();
      }
    });
  });
});

describe('TLS against the emulator with a self-signed certificate', () => {
  let certDir: string;
  let certFile: string;
  let tlsEmulator: RunningEmulator;

  beforeAll(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'idc-tui-cli-tls-'));
    certFile = join(certDir, 'cert.pem');
    const keyFile = join(certDir, 'key.pem');
    const pair = selfSignedCert();
    writeFileSync(certFile, pair.cert);
    writeFileSync(keyFile, pair.key);
    tlsEmulator = await startEmulator({ tls: { cert: readFileSync(certFile), key: readFileSync(keyFile) } });
  });

  afterAll(async () => {
    await tlsEmulator.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  const tls = (args: string[], extra: Record<string, string> = {}) =>
    runCli(['--endpoint-url', tlsEmulator.url, '--cluster-ids', 'analytics-prod', '--query', 'ExpirationTime', ...args], { home, env: { ...env, ...extra } });

  it('is refused by default with a clear message (255)', async () => {
    const result = await tls([]);
    expect(result.code).toBe(255);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `idc-tui: The TLS certificate of ${tlsEmulator.url} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).\n` +
        'Pass --ca-bundle with the CA that signed it, or --no-verify-ssl to skip the check (unsafe).\n',
    );
  });

  it('works with --ca-bundle cert.pem', async () => {
    const result = await tls(['--ca-bundle', certFile]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"\n$/u);
  });

  it('works with AWS_CA_BUNDLE', async () => {
    expect((await tls([], { AWS_CA_BUNDLE: certFile })).code).toBe(0);
  });

  it('works with --no-verify-ssl', async () => {
    const result = await tls(['--no-verify-ssl']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('--no-sign-request', () => {
  it('sends no Authorization; the service answers MissingAuthenticationToken → 254', async () => {
    const result = await runCli(['--endpoint-url', emulator.url, '--cluster-ids', 'analytics-prod', '--no-sign-request'], {
      home,
      env: { AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' },
    });
    expect(emulator.requests.at(-1)).toMatchObject({ action: 'GetIdentityCenterAuthToken', status: 403, code: 'MissingAuthenticationToken', authorization: false });
    expect(result.code).toBe(254);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^idc-tui: /u);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('--debug', () => {
  it('logs the request and the answer to stderr, never the token', async () => {
    const result = await run(['--cluster-ids', 'analytics-prod', '--debug', '--query', 'Token', '--output', 'text']);
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(token.length).toBeGreaterThan(100);
    expect(result.stderr).toContain(`HTTP request: POST ${emulator.url}/`);
    expect(result.stderr).toContain('Action=GetIdentityCenterAuthToken&Version=2012-12-01&ClusterIds.ClusterIdentifier.1=analytics-prod');
    expect(result.stderr).toContain('HTTP response: 200');
    expect(result.stderr).toContain('<Token>***REDACTED***</Token>');
    expect(result.stderr).toMatch(/GetIdentityCenterAuthTokenCommand \(attempt 1\/1\)/u);
    expect(result.stderr).toContain('setting output text (from --output)');
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toContain(token.slice(0, 40));
    for (const file of filesUnder(home.dir)) expect(readFileSync(file, 'utf8'), file).not.toContain(token.slice(0, 40));
  });

  it('redacts the token in json output mode too, and logs errors without a token', async () => {
    const ok = await run(['--cluster-ids', 'analytics-prod', '--debug']);
    const { Token } = JSON.parse(ok.stdout) as { Token: string };
    expect(ok.stderr).not.toContain(Token);
    const failed = await run(['--cluster-ids', 'no-such-cluster', '--debug']);
    expect(failed.code).toBe(254);
    expect(failed.stderr).toContain('HTTP response: 404');
    expect(failed.stderr).toContain('<Code>ClusterNotFound</Code>');
  });
});

describe('Ctrl-C', () => {
  it('interrupts a scripted call with exit code 130 and prints nothing on stdout', async () => {
    emulator.setFaults([{ kind: 'slow', ms: 10_000 }]);
    const child = startCli(['--endpoint-url', emulator.url, '--cluster-ids', 'analytics-prod', '--debug'], { home, env });
    const done = collect(child);
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        if (d.toString().includes('HTTP request:')) resolve();
      });
    });
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    // No error report: being interrupted is not a failure to explain.
    expect(result.stderr).not.toMatch(/^idc-tui: /mu);
  });
});
