import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

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

/**
 * Starts Xvfb on a display it picks itself (-displayfd: no race with another test file starting
 * one at the same moment) and resolves once it has said which, i.e. once it is listening. With
 * -noreset: by default Xvfb resets when its last client leaves (xsel's, once the clipboard is
 * emptied), and a client connecting meanwhile cannot open the display.
 */
export async function startXvfb(timeoutMs = 10_000): Promise<XServer> {
  const child: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-noreset', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const pipe = child.stdio[3] as NodeJS.ReadableStream;
  const n = await new Promise<number>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Xvfb named no display within ${timeoutMs} ms`));
    }, timeoutMs);
    pipe.setEncoding('utf8');
    pipe.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(Number(text.trim()));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before naming its display`));
    });
  });
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
