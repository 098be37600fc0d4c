import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  queryResponse,
  startHostileServer,
  tokenResult,
  trickle,
  type HostileAnswer,
  type HostileServer,
} from '../support/hostile-server.js';
import { binPath, repoRoot } from '../e2e/built-binary.js';
import { assertBuilt, collect, makeCliHome, runCli, STACK_LINE, startCli, TEST_CREDENTIALS, type CliHome, type CliResult } from './run-cli.js';

let home: CliHome;
let server: HostileServer | undefined;
beforeAll(() => {
  home = makeCliHome();
});
afterAll(() => home.cleanup());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = { ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' };
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const goodToken = () => ({ body: queryResponse('GetIdentityCenterAuthToken', tokenResult('eyJhbGciOiJIUzI1NiJ9.scripted.c2ln', inAnHour())) });
const tokenArgs = (url: string) => ['--endpoint-url', url, '--cluster-ids', 'analytics-prod'];

/** One line saying what is wrong (and at most a hint), nothing on stdout, no stack, the exit code. */
function expectOneLineFailure(result: CliResult, code: number, first: RegExp): void {
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(first);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr.length).toBeLessThan(500);
  expect(result.code).toBe(code);
}

describe('scripted mode: an answer that is not a token exits 255 and prints nothing', () => {
  it.each<[string, HostileAnswer, RegExp]>([
    ['a captive portal (HTML 200)', { body: '<html><body>Log in to the Wi-Fi</body></html>', headers: { 'Content-Type': 'text/html' } }, /got an HTML page/u],
    ['an empty 200', { body: '' }, /got an empty body \(HTTP 200\)/u],
    ['no Token', { body: queryResponse('GetIdentityCenterAuthToken', tokenResult(undefined, inAnHour())) }, /got no Token$/u],
    ['no ExpirationTime', { body: queryResponse('GetIdentityCenterAuthToken', tokenResult('eyJ.x.y', undefined)) }, /got no ExpirationTime$/u],
    [
      'a Token with control characters',
      { body: queryResponse('GetIdentityCenterAuthToken', tokenResult('eyJ\u001b]52;c;cHduZWQ=\u0007.x', inAnHour())) },
      /got a Token with control characters/u,
    ],
    ['a bad timestamp', { body: queryResponse('GetIdentityCenterAuthToken', tokenResult('eyJ.x.y', 'soon')) }, /the SDK cannot parse it \(HTTP 200: /u],
    [
      'nesting too deep',
      { body: queryResponse('GetIdentityCenterAuthToken', `<Token>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</Token>`) },
      /the SDK cannot parse it \(HTTP 200: /u,
    ],
    ['a redirect', { status: 302, headers: { Location: 'http://portal.example/' } }, /a redirect \(HTTP 302 to http:\/\/portal\.example\/\)/u],
  ])('%s', async (_name, answer, detail) => {
    server = await startHostileServer({ GetIdentityCenterAuthToken: () => answer });
    for (const output of [['--query', 'Token', '--output', 'text'], ['--output', 'json']]) {
      const result = await runCli([...tokenArgs(server.url), ...output], { home, env });
      expectOneLineFailure(result, 255, /^idc-tui: could not read Redshift's answer: /u);
      expect(result.stderr.split('\n')[0]).toMatch(detail);
    }
  });
});

describe('scripted mode: a deadline on each attempt', () => {
  it('ends a server that trickles its answer (headers, then a byte at a time) with the timeout exit code', async () => {
    const document = goodToken().body;
    const at = document.indexOf('<GetIdentityCenterAuthTokenResult>');
    server = await startHostileServer({
      GetIdentityCenterAuthToken: trickle({ head: document.slice(0, at), tail: document.slice(at), everyMs: 200, finishAfterMs: 8_000 }),
    });
    const result = await runCli([...tokenArgs(server.url), '--cli-connect-timeout', '1', '--cli-read-timeout', '1', '--output', 'json'], { home, env });
    expectOneLineFailure(result, 255, new RegExp(`^idc-tui: ${server.url.replace(/\./gu, '\\.')} did not finish its answer within 2 s\\.$`, 'u'));
  });
});

const fullDisk = existsSync('/dev/full');

/** Runs the built binary with stdout on /dev/full (every write fails with ENOSPC). */
async function runToFullDisk(args: string[]): Promise<{ code: number | null; stderr: string }> {
  assertBuilt();
  const out = openSync('/dev/full', 'w');
  try {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, env: { ...home.baseEnv(), ...env }, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    return { code, stderr };
  } finally {
    closeSync(out);
  }
}

describe.skipIf(!fullDisk)('scripted mode: stdout on a full disk', () => {
  it.each([
    ['a token', (url: string) => [...tokenArgs(url), '--output', 'json']],
    ['--generate-cli-skeleton', () => ['--generate-cli-skeleton']],
    ['--help', () => ['--help']],
  ])('%s: one line, exit 255, no code dumped', async (_name, args) => {
    server = await startHostileServer({ GetIdentityCenterAuthToken: goodToken });
    const { code, stderr } = await runToFullDisk(args(server.url));
    expect(stderr).toBe('idc-tui: Cannot write the output: no space left on device (ENOSPC).\n');
    expect(code).toBe(255);
  });
});

describe('a reader that goes away', () => {
  it('stdout closed (| head -c0): quiet, exit 0; stderr closed with --debug: exit 0', async () => {
    server = await startHostileServer({ GetIdentityCenterAuthToken: goodToken });
    for (const args of [['--help'], [...tokenArgs(server.url), '--output', 'json']]) {
      const child = startCli(args, { home, env });
      child.stdout.destroy();
      const result = await collect(child);
      expect({ args, stderr: result.stderr, code: result.code }).toEqual({ args, stderr: '', code: 0 });
    }
    const child = startCli([...tokenArgs(server.url), '--output', 'json', '--debug'], { home, env });
    child.stderr.destroy();
    const result = await collect(child);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"Token": "eyJhbGciOiJIUzI1NiJ9.scripted.c2ln"');
  });
});
