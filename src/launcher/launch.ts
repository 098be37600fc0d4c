import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Host } from '../host.js';
import { tuneHeapForMemory, withDefaultHeapFlags } from './heap-tuning.js';
import { codeCacheDir, codeCacheLocation, readCodeCache, switchedOff, writeCodeCache, type CodeCacheLocation } from './code-cache.js';

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
function saveOnce(script: Script, location: CodeCacheLocation, debug: boolean): () => void {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    process.off('exit', save);
    try {
      writeCodeCache(location, withDefaultHeapFlags(() => script.createCachedData()));
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

/** The user's cache; until they have one, the one the build made beside the bundle (scripts/warm-code-cache.mjs). */
function findCache(location: CodeCacheLocation, bundle: string): { bytes: Buffer | undefined; file: string } {
  const own = readCodeCache(location);
  if (own || !builtCacheAllowed()) return { bytes: own, file: location.file };
  const built = join(dirname(bundle), basename(location.file));
  const bytes = readCodeCache({ file: built });
  return bytes ? { bytes, file: built } : { bytes: undefined, file: location.file };
}

/** Reads the bundle and its cache and runs it; the source and the cache's bytes are garbage once it returns. */
function start(bundle: string, debug: boolean): { app: AppExports; script: Script; location: CodeCacheLocation | undefined; cacheUsed: boolean } {
  const source = readFileSync(bundle, 'utf8');
  const dir = codeCacheDir();
  const location = dir === undefined ? undefined : codeCacheLocation(dir, source);
  const cache = location && findCache(location, bundle);
  const { app, script, cacheUsed } = loadBundle(bundle, source, cache?.bytes);
  if (debug) process.stderr.write(`debug: code cache ${cache ? `${cacheUsed ? 'used' : cache.bytes ? 'refused by V8' : 'empty'}: ${cache.file}` : 'off'}\n`);
  return { app, script, location, cacheUsed };
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
  const { app, script, location, cacheUsed } = start(bundle, debug);
  // Saved once per version: when there was none or V8 refused it (another Node, another build).
  const listDrawn = location && !cacheUsed ? saveOnce(script, location, debug) : () => {};
  await app.run(argv, {
    bundledHelpers,
    clipboardClearer: () => {
      const clearer = join(dirname(bundle), 'clipboard-clearer.cjs');
      return existsSync(clearer) ? clearer : undefined;
    },
    // After the first frame (drawn as the screen mounts): it costs a few milliseconds.
    interactiveStarted: () => setImmediate(tuneHeapForMemory),
    listDrawn,
  });
}
