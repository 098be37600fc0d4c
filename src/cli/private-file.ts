import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * For any file idc-tui ever writes (settings, history): private to the user. The directory is
 * created 0700 and the file 0600 — mode given at creation, so it is never readable by others,
 * not even for a moment, and tightened again if it already existed. The app writes no file today;
 * a token must never be written at all.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** $XDG_CONFIG_HOME/idc-tui, or ~/.config/idc-tui. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CONFIG_HOME'] && env['XDG_CONFIG_HOME'].startsWith('/') ? env['XDG_CONFIG_HOME'] : join(homedir(), '.config');
  return join(base, 'idc-tui');
}

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Writes atomically (temp file, fsync, rename) with mode 0600 in a 0700 directory. */
export function writePrivateFile(path: string, content: string | Uint8Array): void {
  ensurePrivateDir(dirname(path));
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, PRIVATE_FILE_MODE);
  renameSync(temp, path);
}
