import { build } from 'esbuild';
import { readFile, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ansiTokenizeFastPath, fastXmlParser, inkRenderCaches, inkSanitizeFastPath, inkWithoutTopLevelAwait, lazyUnicode, yogaSync } from './build-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Build beside dist/ and swap it in, so a process running dist/ never sees it half-written.
const staging = `dist.tmp-${process.pid}`;

// The app is one classic (CommonJS) script, dist/idc-tui.cjs, not an ES module: on Node 20 only a
// script can start from V8's cached compiled code (vm.Script cachedData), which takes a start from
// ~520 to ~330 ms. dist/launch.js (ESM, small) loads it with that cache (src/launcher/). Modules only
// some paths need (emulator, scripted output, clipboard) are still evaluated only when used.
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${staging}/idc-tui.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  // Class and function names stay: error names and --debug stacks read as in the source.
  keepNames: true,
  legalComments: 'none',
  // No import() in the bundle: with cached code, Node 20 has no loader for it ("A dynamic import
  // callback was not specified"). Bundled modules load with require().
  supported: { 'dynamic-import': false },
  alias: {
    'react-devtools-core': './scripts/empty-module.mjs',
    // With CI (or CONTINUOUS_INTEGRATION) set, Ink draws nothing until the app exits: a blank
    // screen for anyone who exports CI in a terminal. idc-tui decides itself when it draws (only
    // when it has a terminal), so Ink is told it is never in CI.
    'is-in-ci': './scripts/not-in-ci.mjs',
    // The proxy agents log through debug when DEBUG names them: request headers, Proxy-Authorization
    // and session tokens included. Secrets never go to a log, so that logging is not in the bundle.
    debug: './scripts/no-debug.mjs',
  },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  plugins: [yogaSync, inkWithoutTopLevelAwait, inkRenderCaches, inkSanitizeFastPath, ansiTokenizeFastPath, fastXmlParser, lazyUnicode],
  logLevel: 'warning',
});

const app = await readFile(`${root}/${staging}/idc-tui.cjs`, 'utf8');
if (/[^\w$.]import\(/.test(app)) throw new Error('dist/idc-tui.cjs calls import(), which fails once its code comes from the cache: see supported above');
// Plain ASCII, so that V8 holds the source (kept for the whole session) at one byte a character.
if (/[^\x00-\x7f]/.test(app)) throw new Error('dist/idc-tui.cjs has non-ASCII characters: write them as \\u escapes in the build plugins');

await build({
  absWorkingDir: root,
  entryPoints: ['src/launcher/launch.ts'],
  outfile: `${staging}/launch.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The detached clipboard clearer (src/clipboard/clearer-main.ts): a small script of its own that a
// copy starts, so the timed clear happens even if idc-tui is killed.
await build({
  absWorkingDir: root,
  entryPoints: ['src/clipboard/clearer-main.ts'],
  outfile: `${staging}/clipboard-clearer.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await rename(new URL(`../${staging}`, import.meta.url), new URL('../dist', import.meta.url));

// The compiled code a first start can use (scripts/warm-code-cache.mjs); the build never fails for it.
if (!/^(off|0|false|no)$/i.test(process.env['IDC_TUI_CODE_CACHE'] ?? '')) {
  const { warmCodeCache } = await import('./warm-code-cache.mjs');
  await warmCodeCache(root).catch((err) => process.stderr.write(`build: no code cache for a first start (${err instanceof Error ? err.message : err})\n`));
}
