import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Host } from '../host.js';
import { tuneHeapForMemory, withDefaultHeapFlags } from './heap-tuning.js';
import {
  bundleDigest,
  codeCacheDir,
  codeCacheLocation,
  readBuiltCodeCache,
  readCodeCache,
  switchedOff,
  writeCodeCache,
  type CodeCacheLocation,
  type CodeCacheRead,
} from './code-cache.js';

interface AppExports {
  run(argv: readonly string[], host: Partial<Host>): Promise<void>;
}

/** How long after the list is drawn its compiled code is saved, unless the process exits first. */
const SAVE_AFTER_MS = 1000;

/** Compiles the CommonJS bundle, from the code cache when there is a usable one, and runs its module body. */
function loadBundle(path: string, source: string, cachedData: Buffer | undefined): { app: AppExports; script: Script; cacheUsed: boolean } {
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path, cachedData });
  const module = { exports: {} as AppExports };
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  return { app: module.exports, script, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

/**
 * Saves the compiled code once: SAVE_AFTER_MS after the list is drawn, or as the process exits if
 * it ends sooner (someone who looks at the list and quits, or a script that stops the app once the
 * list shows). A session that ends before the list is drawn saves nothing: its code would lack
 * the list's, and a cache is never made again while V8 accepts it.
 */
function saveOnce(script: Script, location: CodeCacheLocation, digest: Buffer, debug: boolean): () => void {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    process.off('exit', save);
    try {
      writeCodeCache(location, digest, withDefaultHeapFlags(() => script.createCachedData()));
    } catch (err) {
      // A cache is an optimisation: a read-only or full disk only costs the next start its speed.
      if (debug) process.stderr.write(`debug: code cache not saved: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  };
  return () => {
    if (saved || process.listeners('exit').includes(save)) return;
    process.once('exit', save);
    setTimeout(save, SAVE_AFTER_MS).unref();
  };
}

/** IDC_TUI_BUILT_CODE_CACHE=off: only the user's own cache (tests of how it is made). */
function builtCacheAllowed(): boolean {
  return !switchedOff(process.env['IDC_TUI_BUILT_CODE_CACHE']);
}

interface FoundCache {
  /** Where this bundle's cache is saved, and the digest that binds it to the bundle. */
  location: CodeCacheLocation;
  digest: Buffer;
  code: Buffer | undefined;
  /** The file used, else the user's. */
  file: string;
  /** What --debug says when no cache is used: "empty", or "skipped (why)" for the user's. */
  none: string;
  /** --debug notes on files left unused, for reasons other than their absence. */
  notes: string[];
}

const unusedNote = (file: string, read: CodeCacheRead) => (read.kind === 'skipped' ? [`debug: skipped code cache (${read.reason}): ${file}\n`] : []);

/** The user's cache; until they have one, the one the build made beside the bundle (scripts/warm-code-cache.mjs). */
function findCache(dir: string, bytes: Buffer, bundle: string): FoundCache {
  const digest = bundleDigest(bytes);
  const location = codeCacheLocation(dir, digest);
  const own = readCodeCache(location, digest);
  if (own.kind === 'found') return { location, digest, code: own.code, file: location.file, none: '', notes: [] };
  const none = own.kind === 'skipped' ? `skipped (${own.reason})` : 'empty';
  const file = join(dirname(bundle), basename(location.file));
  const built: CodeCacheRead = builtCacheAllowed() ? readBuiltCodeCache(file, digest) : { kind: 'missing' };
  if (built.kind === 'found') return { location, digest, code: built.code, file, none, notes: unusedNote(location.file, own) };
  return { location, digest, code: undefined, file: location.file, none, notes: unusedNote(file, built) };
}

/** Reads the bundle and its cache and runs it; the source and the cache's bytes are garbage once it returns. */
function start(bundle: string, debug: boolean): { app: AppExports; save: (() => void) | undefined } {
  const bytes = readFileSync(bundle);
  const dir = codeCacheDir();
  const cache = dir === undefined ? undefined : findCache(dir, bytes, bundle);
  const { app, script, cacheUsed } = loadBundle(bundle, bytes.toString('utf8'), cache?.code);
  if (debug) {
    for (const note of cache?.notes ?? []) process.stderr.write(note);
    process.stderr.write(`debug: code cache ${cache ? `${cacheUsed ? 'used' : cache.code ? 'refused by V8' : cache.none}: ${cache.file}` : 'off'}\n`);
  }
  // Saved once per version: when there was none or V8 refused it (another Node, another build).
  return { app, save: cache && !cacheUsed ? saveOnce(script, cache.location, cache.digest, debug) : undefined };
}

/** The clipboard programs clipboardy ships (it is a dependency for them alone), where they exist. */
function bundledHelpers(): { xsel?: string; windowsExe?: string } {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('clipboardy')), 'fallbacks');
    const xsel = join(dir, 'linux', 'xsel');
    const arch = process.arch === 'arm64' ? 'aarch64' : process.arch === 'ia32' ? 'i686' : 'x86_64';
    const windowsExe = join(dir, 'windows', `clipboard_${arch}.exe`);
    return {
      ...(process.platform === 'linux' && existsSync(xsel) && { xsel }),
      ...((process.platform === 'win32' || process.platform === 'linux') && existsSync(windowsExe) && { windowsExe }),
    };
  } catch {
    return {};
  }
}

export async function launch(argv: readonly string[], bundle = fileURLToPath(new URL('./idc-tui.cjs', import.meta.url))): Promise<void> {
  const debug = argv.includes('--debug');
  const { app, save } = start(bundle, debug);
  await app.run(argv, {
    bundledHelpers,
    clipboardClearer: () => {
      const clearer = join(dirname(bundle), 'clipboard-clearer.cjs');
      return existsSync(clearer) ? clearer : undefined;
    },
    // After the first frame (drawn as the screen mounts): it costs a few milliseconds.
    interactiveStarted: () => setImmediate(tuneHeapForMemory),
    listDrawn: save ?? (() => {}),
  });
}
