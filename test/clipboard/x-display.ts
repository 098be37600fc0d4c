import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Why the real X clipboard tests cannot run here, or undefined when Xvfb and xsel are installed. */
export function missingXTools(): string | undefined {
  const missing = ['Xvfb', 'xsel'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  return missing.length > 0 ? `${missing.join(' and ')} not installed (apt-get install xvfb xsel; .ci/run does)` : undefined;
}

export interface XServer {
  display: string;
  stop(): Promise<void>;
}

function freeDisplay(): number {
  for (let n = 90 + (process.pid % 50); n < 400; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('no free X display number');
}

/** Starts Xvfb on a free display and resolves once its socket exists (no fixed sleep). */
export async function startXvfb(timeoutMs = 10_000): Promise<XServer> {
  const n = freeDisplay();
  const child: ChildProcess = spawn('Xvfb', [`:${n}`, '-nolisten', 'tcp', '-screen', '0', '640x480x24'], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const socket = `/tmp/.X11-unix/X${n}`;
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(socket)) {
    if (exited) throw new Error(`Xvfb :${n} exited before its socket appeared`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Xvfb :${n}: no socket ${socket} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    display: `:${n}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function xselRead(display: string): string {
  return execFileSync('xsel', ['--clipboard', '--output'], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
}

export function xselWrite(display: string, text: string): void {
  execFileSync('xsel', ['--clipboard', '--input'], { env: { ...process.env, DISPLAY: display }, input: text });
}

/** Polls until condition holds; fails with what it last saw. */
export async function pollUntil<T>(read: () => T | Promise<T>, condition: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!condition(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 25));
    last = await read();
  }
  return last;
}
