import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writePrivateFile } from '../cli/private-file.js';

/**
 * V8's compiled code for the bundle, kept between starts: with it a start skips compiling the
 * bundle and most functions it runs. It holds code only (what the bundle's source already says,
 * no data of a session: no token, no account, no cluster). One file per Node version, CPU and
 * bundle content; V8 itself also refuses a cache made by another V8 or for other source.
 */
export interface CodeCacheLocation {
  dir: string;
  file: string;
  /** The start of the names of this Node's caches: those of older builds are removed on saving. */
  runtimePrefix: string;
}

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

export function codeCacheLocation(dir: string, source: string, runtime: { version: string; arch: string } = process): CodeCacheLocation {
  const digest = createHash('sha1').update(source).digest('hex').slice(0, 16);
  const runtimePrefix = `code-${runtime.version}-${runtime.arch}-`;
  return { dir, file: join(dir, `${runtimePrefix}${digest}.bin`), runtimePrefix };
}

/** The cached code, or undefined when there is none (or it cannot be read). */
export function readCodeCache(location: Pick<CodeCacheLocation, 'file'>): Buffer | undefined {
  try {
    return readFileSync(location.file);
  } catch {
    return undefined;
  }
}

/**
 * Saves the code (0600 in a 0700 directory, atomically) and removes this Node's caches of other
 * builds; those of other Node versions stay, for someone who switches between them.
 */
export function writeCodeCache(location: CodeCacheLocation, data: Uint8Array): void {
  writePrivateFile(location.file, data);
  for (const name of readdirSync(location.dir)) {
    const path = join(location.dir, name);
    if (name.startsWith(location.runtimePrefix) && name.endsWith('.bin') && path !== location.file) rmSync(path, { force: true });
  }
}
