import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, chmodSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * For any file idc-tui ever writes (settings, history): private to the user. The directory is
 * created 0700 and the file 0600 — mode given at creation, so it is never readable by others,
 * not even for a moment, and tightened again if it already existed. A token must never be
 * written at all.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** A temp file older than this was left by a process that died while writing: a write takes milliseconds. */
export const STALE_TEMP_MS = 60_000;

/** $XDG_CONFIG_HOME/idc-tui, or ~/.config/idc-tui. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CONFIG_HOME'] && env['XDG_CONFIG_HOME'].startsWith('/') ? env['XDG_CONFIG_HOME'] : join(homedir(), '.config');
  return join(base, 'idc-tui');
}

/**
 * Creates the directory 0700, or tightens it to 0700. A directory that is a symlink is the user's
 * own arrangement (dotfiles kept elsewhere): chmod would change its target, so it is left as it is.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stats = lstatSync(dir);
  if (stats.isSymbolicLink()) return;
  if ((stats.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
}

const TEMP = /\.\d+\.tmp$/u;

/** Removes temp files in `dir` that `ours` claims and that are older than STALE_TEMP_MS; never throws. */
export function removeStaleTemps(dir: string, ours: (name: string) => boolean, now = Date.now()): void {
  try {
    for (const name of readdirSync(dir)) {
      if (!TEMP.test(name) || !ours(name)) continue;
      const path = join(dir, name);
      try {
        const stats = lstatSync(path);
        if (stats.isFile() && now - stats.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // an unreadable directory: nothing to clean
  }
}

export interface WriteOptions {
  /** Make the file's directory private (the default); off when writing through a symlink into someone's own directory. */
  privateDir?: boolean;
}

/**
 * Writes atomically (temp file, fsync, rename) with mode 0600, by default in a 0700 directory. A
 * failed write leaves no temp file; temps of this file that an earlier process left are removed.
 */
export function writePrivateFile(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const dir = dirname(path);
  if (options.privateDir !== false) ensurePrivateDir(dir);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, PRIVATE_FILE_MODE);
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fchmodSync(fd, PRIVATE_FILE_MODE);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  const name = basename(path);
  removeStaleTemps(dir, (n) => n.startsWith(`${name}.`) && n.length > name.length + 1 && /^\d+\.tmp$/u.test(n.slice(name.length + 1)));
}
