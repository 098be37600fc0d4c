import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, startEmulatorCli } from '../../src/emulator/server.js';
import { insecureGetStatus, post, selfSignedCert } from './helpers.js';

interface CliRun {
  done: Promise<void>;
  firstLine: Promise<string>;
  stdout: string[];
  stderr: string[];
  stop: () => Promise<void>;
}

function runCli(argv: string[]): CliRun {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stopper = new AbortController();
  let gotLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => {
    gotLine = resolve;
  });
  const done = startEmulatorCli(argv, {
    stdout: (text) => {
      stdout.push(text);
      gotLine(stdout.join('').split('\n')[0] ?? '');
    },
    stderr: (text) => stderr.push(text),
    signal: stopper.signal,
  });
  return {
    done,
    firstLine,
    stdout,
    stderr,
    stop: async () => {
      stopper.abort();
      await done;
    },
  };
}

beforeEach(() => {
  process.exitCode = undefined;
});
afterEach(() => {
  process.exitCode = undefined;
});

describe('startEmulatorCli', () => {
  it('prints the endpoint URL first and serves until stopped', async () => {
    const cli = runCli(['--port', '0', '--clusters', '30', '--token-ttl', '120', '--fault', 'throttle:1', '--fault', 'slow:10']);
    const url = await cli.firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const throttled = await post({ url }, { Action: 'DescribeClusters', Version: '2012-12-01' });
    expect(throttled.body).toContain('<Code>Throttling</Code>');
    const listed = await post({ url }, { Action: 'DescribeClusters', Version: '2012-12-01' });
    expect(listed.body.match(/<Cluster>/g)).toHaveLength(30);
    const token = await post({ url }, {
      Action: 'GetIdentityCenterAuthToken',
      Version: '2012-12-01',
      'ClusterIds.ClusterIdentifier.1': 'amber-falcon-1',
    });
    const expiration = Date.parse(/<ExpirationTime>(.+)<\/ExpirationTime>/.exec(token.body)?.[1] ?? '');
    expect(expiration - Date.parse(token.headers.get('date') ?? '')).toBe(120_000);
    await cli.stop();
    expect(process.exitCode).toBe(0);
    expect(cli.stderr).toEqual([]);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('serves HTTPS with --tls-cert and --tls-key, and logs requests with --verbose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idc-emu-cli-'));
    const { cert, key } = selfSignedCert();
    writeFileSync(join(dir, 'cert.pem'), cert);
    writeFileSync(join(dir, 'key.pem'), key);
    try {
      const cli = runCli(['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem'), '--verbose']);
      const url = await cli.firstLine;
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await insecureGetStatus(url)).toBe(403);
      await cli.stop();
      expect(cli.stderr.join('')).toMatch(/^\d{4}-\d\d-\d\dT\S+ - 403 MissingAuthenticationToken\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--port', 'abc'], '--port must be an integer from 0 to 65535, got "abc"'],
    [['--port', '70000'], '--port must be an integer'],
    [['--clusters=-3'], '--clusters must be an integer'],
    [['--clusters', '-3'], "Option '--clusters' argument is ambiguous."],
    [['--token-ttl', '0'], '--token-ttl must be an integer from 1'],
    [['--fault', 'teapot'], '--fault: unknown fault kind "teapot"'],
    [['--fault', 'slow'], '--fault: invalid fault "slow"'],
    [['--tls-cert', '/nonexistent/cert.pem'], '--tls-cert and --tls-key go together'],
    [['--tls-cert', '/nonexistent/cert.pem', '--tls-key', '/nonexistent/key.pem'], 'cannot read --tls-cert /nonexistent/cert.pem: ENOENT'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], "Unexpected argument 'extra'"],
    [['--port'], "Option '--port <value>' argument missing"],
  ])('rejects %j with one line and exit code 252', async (argv, message) => {
    const cli = runCli(argv);
    await cli.done;
    expect(process.exitCode).toBe(252);
    expect(cli.stdout).toEqual([]);
    const [first, usage, ...rest] = cli.stderr.join('').split('\n');
    expect(first).toContain(`idc-tui emulator: ${message}`);
    expect(usage).toMatch(/^usage: idc-tui emulator/);
    expect(rest).toEqual(['']);
  });

  it('reports a port already in use in one line with exit code 255', async () => {
    const taken = await startEmulator();
    try {
      const cli = runCli(['--port', String(taken.port)]);
      await cli.done;
      expect(process.exitCode).toBe(255);
      expect(cli.stderr.join('')).toMatch(/^idc-tui emulator: cannot start: .*EADDRINUSE.*\n$/);
    } finally {
      await taken.close();
    }
  });

  it('prints usage for --help', async () => {
    const cli = runCli(['--help']);
    await cli.done;
    expect(cli.stdout.join('')).toMatch(/^usage: idc-tui emulator/);
    expect(process.exitCode).toBeUndefined();
  });
});
