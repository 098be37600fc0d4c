import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { assertBuilt, repoRoot } from './built-binary.js';

/**
 * Which code cache files the launcher hands to V8 (src/launcher/code-cache.ts), with the built
 * launcher and bundle. V8 checks only the length of the source a cache was made for, so a cache
 * of another build of the same length would run that build's code: two builds that differ only in
 * their version string (same length) show whose code runs. A cache in a directory others may
 * enter, or a file of another user, is skipped with a --debug note.
 */
const CACHE_LINE = /^debug: code cache (.*)$/m;

let root = '';
beforeAll(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'idc-code-cache-trust-'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

/** The built app with its version string replaced: bin/, dist/launch.js, dist/idc-tui.cjs, node_modules. */
function makeBuild(name: string, version: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(repoRoot, 'bin', 'idc-tui.js'), join(dir, 'bin', 'idc-tui.js'));
  copyFileSync(join(repoRoot, 'dist', 'launch.js'), join(dir, 'dist', 'launch.js'));
  const bundle = readFileSync(join(repoRoot, 'dist', 'idc-tui.cjs'), 'latin1');
  const from = `version:"${VERSION}"`;
  expect(bundle.split(from), `the bundle holds ${from} once`).toHaveLength(2);
  writeFileSync(join(dir, 'dist', 'idc-tui.cjs'), bundle.replace(from, `version:"${version}"`), 'latin1');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The build's own cache beside its bundle, made as `npm run build` makes it (the demo run once in a pseudo-terminal). */
async function warm(build: string): Promise<string> {
  const { warmCodeCache } = (await import(pathToFileURL(join(repoRoot, 'scripts', 'warm-code-cache.mjs')).href)) as {
    warmCodeCache(root: string): Promise<string>;
  };
  return join(build, 'dist', await warmCodeCache(build));
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The launcher's line after "debug: code cache " */
  cacheLine: string | undefined;
}

/** `idc-tui --version --debug` of a build, with its own HOME and cache directory; the build's cache only when asked. */
function version(build: string, cacheHome: string, builtCache = false): Run {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: join(root, 'home'), XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: join(root, 'config') };
  if (!builtCache) env['IDC_TUI_BUILT_CODE_CACHE'] = 'off';
  const result = spawnSync(process.execPath, [join(build, 'bin', 'idc-tui.js'), '--version', '--debug'], { env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, cacheLine: CACHE_LINE.exec(result.stderr)?.[1] };
}

/** The file the launcher would read as the user's cache, from its own --debug line on a first run. */
function ownCacheFile(build: string, cacheHome: string): string {
  const first = version(build, cacheHome);
  const file = /^empty: (\/.+)$/.exec(first.cacheLine ?? '')?.[1];
  expect(file, first.stderr).toBeDefined();
  return file!;
}

/** A private cache directory under a new XDG_CACHE_HOME with `cache` planted as the build's cache file. */
function plant(build: string, cache: string): { cacheHome: string; file: string; dir: string } {
  const cacheHome = mkdtempSync(join(root, 'cache-'));
  const file = ownCacheFile(build, cacheHome);
  const dir = join(cacheHome, 'idc-tui');
  mkdirSync(dir, { mode: 0o700 });
  copyFileSync(cache, file);
  chmodSync(file, 0o600);
  return { cacheHome, file, dir };
}

describe('the code cache is bound to the exact bundle it was made for', () => {
  it('a cache of build A (same length, other code) planted under build B’s name is not run by B: B prints its own version', async () => {
    const a = makeBuild('a', '9.9.9-a');
    const b = makeBuild('b', '9.9.9-b');
    expect(statSync(join(a, 'dist', 'idc-tui.cjs')).size).toBe(statSync(join(b, 'dist', 'idc-tui.cjs')).size);
    const cacheOfA = await warm(a);

    // A's cache works for A
    const ownA = version(a, join(root, 'cache-a'), true);
    expect(ownA.stdout).toMatch(/^idc-tui\/9\.9\.9-a /);
    expect(ownA.cacheLine).toBe(`used: ${cacheOfA}`);

    // planted as B's own cache
    const planted = plant(b, cacheOfA);
    const asOwn = version(b, planted.cacheHome);
    expect(asOwn.status, asOwn.stderr).toBe(0);
    expect(asOwn.stdout).toMatch(/^idc-tui\/9\.9\.9-b node\//);
    expect(asOwn.cacheLine).toBe(`skipped (made for another build of idc-tui): ${planted.file}`);

    // planted beside B's bundle as the build's cache
    const builtForB = join(b, 'dist', readdirSync(planted.dir)[0]!);
    copyFileSync(cacheOfA, builtForB);
    const asBuilt = version(b, mkdtempSync(join(root, 'cache-')), true);
    expect(asBuilt.status, asBuilt.stderr).toBe(0);
    expect(asBuilt.stdout).toMatch(/^idc-tui\/9\.9\.9-b node\//);
    expect(asBuilt.stderr).toContain(`debug: skipped code cache (made for another build of idc-tui): ${builtForB}\n`);
    expect(asBuilt.cacheLine).toMatch(/^empty: /);
  }, 90_000);
});

describe('only the user’s own cache in a private directory is used', () => {
  let build = '';
  let cache = '';
  beforeAll(async () => {
    build = makeBuild('c', '9.9.9-c');
    cache = await warm(build);
  }, 60_000);

  it('a cache in a directory others may enter (0755) is skipped with a --debug note; in a 0700 one it is used', () => {
    const planted = plant(build, cache);
    chmodSync(planted.dir, 0o755);
    const open = version(build, planted.cacheHome);
    expect(open.status, open.stderr).toBe(0);
    expect(open.stdout).toMatch(/^idc-tui\/9\.9\.9-c /);
    expect(open.cacheLine).toBe(`skipped (its directory ${planted.dir} is open to others (mode 0755; idc-tui makes it 0700)): ${planted.file}`);

    chmodSync(planted.dir, 0o700);
    expect(version(build, planted.cacheHome).cacheLine).toBe(`used: ${planted.file}`);
  });

  it.skipIf(process.getuid?.() !== 0)('a cache file of another user is skipped with a --debug note (as root: only root can give a file away)', () => {
    const planted = plant(build, cache);
    chownSync(planted.file, 4242, 4242);
    const other = version(build, planted.cacheHome);
    expect(other.status, other.stderr).toBe(0);
    expect(other.stdout).toMatch(/^idc-tui\/9\.9\.9-c /);
    expect(other.cacheLine).toBe(`skipped (it belongs to uid 4242, not to you): ${planted.file}`);

    chownSync(planted.file, 0, 0);
    expect(version(build, planted.cacheHome).cacheLine).toBe(`used: ${planted.file}`);
  });
});
