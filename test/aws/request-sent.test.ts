import { spawnSync } from 'node:child_process';
import { hasSubscribers } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextRequestSent } from '../../src/aws/request-sent.js';

/** nextRequestSent: the screen waits for DescribeClusters to be on the wire, or a bounded time. */
const CHANNEL = 'http.client.request.start';

let server: Server | undefined;
let held: ServerResponse[] = [];
let received: string[] = [];

async function startServer(): Promise<string> {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${body}`);
      // Held: the response comes only when the test releases it.
      held.push(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function release(): void {
  for (const res of held.splice(0)) res.end('ok');
}

beforeEach(() => {
  held = [];
  received = [];
});
afterEach(async () => {
  release();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

type Outcome = 'resolved' | 'still pending';
function within(promise: Promise<void>, ms: number): Promise<Outcome> {
  return Promise.race([
    promise.then((): Outcome => 'resolved'),
    new Promise<Outcome>((resolve) => setTimeout(() => resolve('still pending'), ms).unref()),
  ]);
}

function post(url: string, body: string): { finished: () => boolean; response: Promise<string> } {
  let finished = false;
  const req = request(`${url}/describe`, { method: 'POST', headers: { 'content-length': Buffer.byteLength(body) } });
  req.once('finish', () => (finished = true));
  const response = new Promise<string>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(text));
    });
    req.once('error', reject);
  });
  // a test that does not await the response must not leave an unhandled rejection behind
  response.catch(() => undefined);
  req.end(body);
  return { finished: () => finished, response };
}

describe('nextRequestSent', () => {
  it('resolves once the next request has been sent, without waiting for its response or for maxWaitMs', async () => {
    const url = await startServer();
    expect(hasSubscribers(CHANNEL)).toBe(false);
    const sent = nextRequestSent(60_000);
    expect(hasSubscribers(CHANNEL)).toBe(true);
    const req = post(url, 'Action=DescribeClusters');
    // 60 s would be the timeout: resolving within 5 s means the request's 'finish' did it.
    expect(await within(sent, 5_000)).toBe('resolved');
    expect(req.finished()).toBe(true);
    // the server holds its response until now: nextRequestSent did not wait for it
    await expect.poll(() => received).toEqual(['POST /describe Action=DescribeClusters']);
    release();
    expect(await req.response).toBe('ok');
    expect(hasSubscribers(CHANNEL)).toBe(false);
  });

  it('stays pending while no request is made (up to maxWaitMs)', async () => {
    const sent = nextRequestSent(60_000);
    expect(await within(sent, 100)).toBe('still pending');
    // ends it: the request of the next test must not be the one it waits for
    const url = await startServer();
    const req = post(url, 'x');
    expect(await within(sent, 5_000)).toBe('resolved');
    expect(req.finished()).toBe(true);
  });

  it('resolves after maxWaitMs when no request is made, and leaves no subscriber', async () => {
    expect(hasSubscribers(CHANNEL)).toBe(false);
    const sent = nextRequestSent(30);
    expect(hasSubscribers(CHANNEL)).toBe(true);
    expect(await within(sent, 5_000)).toBe('resolved');
    expect(hasSubscribers(CHANNEL)).toBe(false);
  });

  it('resolves when the request fails before it is sent (connection refused), never rejects', async () => {
    const url = await startServer();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const sent = nextRequestSent(60_000);
    const req = post(url, 'x');
    expect(await within(sent, 5_000)).toBe('resolved');
    await expect(req.response).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(hasSubscribers(CHANNEL)).toBe(false);
  });

  it('subscribes for one request only: after it, the channel has no subscriber though more requests were made', async () => {
    const url = await startServer();
    const sent = nextRequestSent(60_000);
    const first = post(url, 'one');
    const second = post(url, 'two');
    expect(await within(sent, 5_000)).toBe('resolved');
    expect(first.finished() || second.finished()).toBe(true);
    expect(hasSubscribers(CHANNEL)).toBe(false);
    await expect.poll(() => received.length).toBe(2);
    release();
    expect(await Promise.all([first.response, second.response])).toEqual(['ok', 'ok']);
    expect(hasSubscribers(CHANNEL)).toBe(false);
  });

  it('keeps no process alive: a process that awaited it with a 60 s maxWaitMs exits as soon as its work is done', async () => {
    // The module on its own, in a child process (Node 20 runs no TypeScript: esbuild bundles it).
    const dir = mkdtempSync(join(tmpdir(), 'idc-request-sent-'));
    try {
      const module = join(dir, 'request-sent.mjs');
      await build({
        entryPoints: [fileURLToPath(new URL('../../src/aws/request-sent.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: module,
        logLevel: 'silent',
      });
      const script = join(dir, 'child.mjs');
      writeFileSync(
        script,
        `import { createServer, request } from 'node:http';
import { hasSubscribers } from 'node:diagnostics_channel';
import { nextRequestSent } from ${JSON.stringify(module)};
const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('ok')); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const sent = nextRequestSent(60_000);
const req = request('http://127.0.0.1:' + server.address().port + '/', { method: 'POST', agent: false });
let finished = false;
req.once('finish', () => (finished = true));
req.on('response', (res) => { res.resume(); res.on('end', () => server.close()); });
req.end('hello');
await sent;
console.log(JSON.stringify({ finished, subscribed: hasSubscribers('http.client.request.start') }));
`,
      );
      // Its 60 s timer, were it left running, would hold the child past spawnSync's 20 s timeout.
      const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
      expect(child.error).toBeUndefined();
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      expect(JSON.parse(child.stdout.split('\n')[0] ?? '')).toEqual({ finished: true, subscribed: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
