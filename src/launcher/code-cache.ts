import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemps, writePrivateFile } from '../cli/private-file.js';
import { readRegularFile } from '../cli/regular-file.js';

/**
 * V8's compiled code for the bundle, kept between starts: with it a start skips compiling the
 * bundle and most functions it runs. It holds code only (what the bundle's source already says,
 * no data of a session: no token, no account, no cluster). One file per Node version, CPU and
 * bundle content.
 *
 * V8 refuses a cache made by another V8 or with other flags, but of the source it checks only the
 * length: given a cache made for another build of the same length it runs that build's code. So
 * each file starts with a header holding the SHA-256 of the exact bundle bytes it was made for,
 * and a cache whose header names another bundle is never handed to V8. The user's cache is read
 * only from a directory of theirs that no one else can enter, and only when the file is theirs:
 * no one else can plant code there.
 */
export interface CodeCacheLocation {
  dir: string;
  file: string;
  /** The start of the names of this Node's caches: those of older builds are removed on saving. */
  runtimePrefix: string;
}

/** What a cache file holds for V8, or why it was not used. */
export type CodeCacheRead = { kind: 'found'; code: Buffer } | { kind: 'missing' } | { kind: 'skipped'; reason: string };

const MAGIC = Buffer.from('IDCTUI\x00\x01', 'latin1');
const DIGEST_BYTES = 32;
/** A multiple of 8, so V8's data stays aligned in the buffer read. */
export const CODE_CACHE_HEADER_BYTES = MAGIC.length + DIGEST_BYTES;
/** Today's cache is ~2.3 MB; a file far larger than that is not one of ours. */
export const MAX_CODE_CACHE_BYTES = 64 * 1024 * 1024;

/** An IDC_TUI_*CODE_CACHE variable set to off, 0, false or no. */
export function switchedOff(value: string | undefined): boolean {
  return /^(off|0|false|no)$/i.test(value ?? '');
}

/** $XDG_CACHE_HOME/idc-tui (or ~/.cache/idc-tui); undefined when IDC_TUI_CODE_CACHE is off/0/false. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string | undefined {
  if (switchedOff(env['IDC_TUI_CODE_CACHE'])) return undefined;
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'idc-tui');
}

/** SHA-256 of the bundle's bytes (~2 ms for today's 1.2 MB at a start). */
export function bundleDigest(bundle: Uint8Array): Buffer {
  return createHash('sha256').update(bundle).digest();
}

export function codeCacheLocation(dir: string, digest: Uint8Array, runtime: { version: string; arch: string } = process): CodeCacheLocation {
  const runtimePrefix = `code-${runtime.version}-${runtime.arch}-`;
  return { dir, file: join(dir, `${runtimePrefix}${Buffer.from(digest.buffer, digest.byteOffset, 8).toString('hex')}.bin`), runtimePrefix };
}

/** The header and V8's data, as a cache file holds them. */
export function codeCacheFile(digest: Uint8Array, code: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, digest, code]);
}

/** V8's data from a cache file, when its header names exactly this bundle. */
function codeFor(bytes: Buffer, digest: Uint8Array): CodeCacheRead {
  if (bytes.length < CODE_CACHE_HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'skipped', reason: 'not an idc-tui code cache' };
  if (!bytes.subarray(MAGIC.length, CODE_CACHE_HEADER_BYTES).equals(digest)) return { kind: 'skipped', reason: 'made for another build of idc-tui' };
  return { kind: 'found', code: bytes.subarray(CODE_CACHE_HEADER_BYTES) };
}

const uid = (): number | undefined => process.getuid?.();

/** Undefined when the user's cache directory can be trusted: theirs, and no one else may enter it. */
function checkDir(dir: string): CodeCacheRead | undefined {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    return { kind: 'missing' };
  }
  const me = uid();
  if (!stats.isDirectory()) return { kind: 'skipped', reason: `${dir} is not a directory` };
  if (me !== undefined && stats.uid !== me) return { kind: 'skipped', reason: `its directory ${dir} belongs to uid ${stats.uid}, not to you` };
  const mode = stats.mode & 0o777;
  if ((mode & 0o077) !== 0) return { kind: 'skipped', reason: `its directory ${dir} is open to others (mode ${mode.toString(8).padStart(4, '0')}; idc-tui makes it 0700)` };
  return undefined;
}

/** The user's cache for this bundle: only from their own private directory, only a regular file of theirs. */
export function readCodeCache(location: Pick<CodeCacheLocation, 'dir' | 'file'>, digest: Uint8Array): CodeCacheRead {
  const dir = checkDir(location.dir);
  if (dir) return dir;
  const me = uid();
  const read = readRegularFile(location.file, MAX_CODE_CACHE_BYTES, (stats) => (me !== undefined && stats.uid !== me ? `it belongs to uid ${stats.uid}, not to you` : undefined));
  return read.kind === 'read' ? codeFor(read.bytes, digest) : read;
}

/** The cache the build put beside the bundle: as trusted as the bundle itself, and bound to it all the same. */
export function readBuiltCodeCache(file: string, digest: Uint8Array): CodeCacheRead {
  const read = readRegularFile(file, MAX_CODE_CACHE_BYTES);
  return read.kind === 'read' ? codeFor(read.bytes, digest) : read;
}

/**
 * Saves the code with its header (0600 in a 0700 directory, atomically) and removes this Node's
 * caches of other builds (and stale temp files); those of other Node versions stay, for someone
 * who switches between them.
 */
export function writeCodeCache(location: CodeCacheLocation, digest: Uint8Array, code: Uint8Array): void {
  writePrivateFile(location.file, codeCacheFile(digest, code));
  for (const name of readdirSync(location.dir)) {
    const path = join(location.dir, name);
    if (name.startsWith(location.runtimePrefix) && name.endsWith('.bin') && path !== location.file) rmSync(path, { force: true });
  }
  // what a process killed while saving another build's cache left
  removeStaleTemps(location.dir, (name) => name.startsWith('code-') && /\.bin\.\d+\.tmp$/u.test(name));
}
