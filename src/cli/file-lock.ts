import { closeSync, lstatSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { PRIVATE_FILE_MODE } from './private-file.js';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
  /** A lock older than this is a leftover of a process that died holding it: the work it guards takes milliseconds. */
  staleMs?: number;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock at `path` if its holder is gone (dead on this host, or holding it far too long); true when it was. */
function breakIfStale(path: string, staleMs: number): boolean {
  let holder: string;
  let age: number;
  try {
    holder = readFileSync(path, 'utf8');
    age = Date.now() - lstatSync(path).mtimeMs;
  } catch {
    return true; // released meanwhile: try again
  }
  const [pid, host] = holder.trim().split(' ');
  const dead = host === hostname() && Number(pid) > 0 && !alive(Number(pid));
  if (!dead && age <= staleMs) return false;
  try {
    // Only if it is still that holder's: another process may have broken it and taken it meanwhile.
    if (readFileSync(path, 'utf8') === holder) rmSync(path, { force: true });
  } catch {
    // released meanwhile
  }
  return true;
}

/**
 * Runs `work` holding an exclusive lock file (created with O_EXCL, holding "pid host"), which other
 * idc-tui processes respect; waits a little for another holder, and breaks a lock whose holder
 * died. Returns undefined, without running `work`, when the lock stays taken.
 */
export function withFileLock<T>(path: string, work: () => T, options: LockOptions = {}): T | undefined {
  const waitMs = options.waitMs ?? 1000;
  const staleMs = options.staleMs ?? 10_000;
  const mine = `${process.pid} ${hostname()}\n`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      try {
        return work();
      } finally {
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      }
    }
    const broken = breakIfStale(path, staleMs);
    if (Date.now() >= deadline) return undefined;
    if (!broken) sleep(10);
  }
}
