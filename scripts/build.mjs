import { build } from 'esbuild';
import { rename, rm } from 'node:fs/promises';
import { ansiTokenizeFastPath, fastXmlParser, inkRenderCaches, yogaWithoutFetch } from './build-plugins.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

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
  minify: true,
  // Class and function names stay: error names and --debug stacks read as in the source.
  keepNames: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // clipboardy runs helper binaries that ship inside its own package directory.
  external: ['clipboardy'],
  alias: {
    'react-devtools-core': './scripts/empty-module.mjs',
    // With CI (or CONTINUOUS_INTEGRATION) set, Ink draws nothing until the app exits: a blank
    // screen for anyone who exports CI in a terminal. idc-tui decides itself when it draws (only
    // when it has a terminal), so Ink is told it is never in CI.
    'is-in-ci': './scripts/not-in-ci.mjs',
  },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  banner: {
    js: "import { createRequire as __idcCreateRequire } from 'node:module'; const require = __idcCreateRequire(import.meta.url);",
  },
  plugins: [yogaWithoutFetch, inkRenderCaches, ansiTokenizeFastPath, fastXmlParser],
  logLevel: 'warning',
});

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await rename(new URL(`../${staging}`, import.meta.url), new URL('../dist', import.meta.url));
