import { build } from 'esbuild';
import { readFile, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * yoga-layout (Ink's layout engine) ships its wasm as a base64 data: URL and reads it with fetch()
 * when fetch exists: on Node that loads undici (~35 ms at every start) to decode a string. Decode
 * it in place instead (the loader's own fallback, which uses atob).
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', '!0');
      if (patched === source) throw new Error('yoga-without-fetch: the loader changed; review the patch');
      return { contents: patched, loader: 'js' };
    });
  },
};

/** Replaces `find` in a dependency's source, and stops the build if it is no longer there. */
function patchSource(source, find, replace, what) {
  if (!source.includes(find)) throw new Error(`${what}: the dependency changed; review the patch in scripts/build.mjs`);
  return source.replace(find, replace);
}

/**
 * Ink lays out and draws every frame from scratch: it measures each row with string-width (the slow
 * Intl.Segmenter path as soon as a row holds "●", "×" or "…") and splits each row into styled
 * characters, caching both only for one frame. Give string-width a fast path for characters known
 * to be one column wide, and keep these pure results across frames (bounded): most rows are the
 * same from one frame to the next. The frames themselves are unchanged.
 */
const inkRenderCaches = {
  name: 'ink-render-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const uncached = patchSource(source, 'export default function stringWidth(', 'function stringWidthUncached(', 'ink-render-caches');
      return {
        contents: `${uncached}
// One column each, checked against string-width itself: Latin, punctuation such as — and …, × arrows,
// box drawing, ● ○ (not the emoji squares U+25FD/U+25FE) and braille (the spinner).
const NARROW = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FC\u25FF\u2800-\u28FF]*$/;
const widthCache = new Map();
function measure(input) {
  const plain = input.includes('\x1B') || input.includes('\x9B') ? stripAnsi(input) : input;
  return NARROW.test(plain) ? plain.length : stringWidthUncached(input);
}
export default function stringWidth(input, options) {
  if (options !== undefined || typeof input !== 'string') return stringWidthUncached(input, options);
  let width = widthCache.get(input);
  if (width === undefined) {
    width = measure(input);
    if (widthCache.size >= 10000) widthCache.clear();
    widthCache.set(input, width);
  }
  return width;
}
`,
        loader: 'js',
      };
    });
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const shared = patchSource(source, 'caches = new OutputCaches();', 'caches = sharedOutputCaches();', 'ink-render-caches');
      return {
        contents: `${shared}
let outputCaches;
function sharedOutputCaches() {
  if (!outputCaches || outputCaches.styledChars.size > 2000 || outputCaches.widths.size > 10000) outputCaches = new OutputCaches();
  return outputCaches;
}
`,
        loader: 'js',
      };
    });
  },
};

// Build beside dist/ and swap it in, so a process running dist/ never sees it half-written.
const staging = `dist.tmp-${process.pid}`;

await build({
  absWorkingDir: root,
  entryPoints: { 'idc-tui': 'src/cli/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  jsx: 'automatic',
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // clipboardy runs helper binaries that ship inside its own package directory.
  external: ['clipboardy'],
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  banner: {
    js: "import { createRequire as __idcCreateRequire } from 'node:module'; const require = __idcCreateRequire(import.meta.url);",
  },
  plugins: [yogaWithoutFetch, inkRenderCaches],
  logLevel: 'warning',
});

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await rename(new URL(`../${staging}`, import.meta.url), new URL('../dist', import.meta.url));
