import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundleDigest,
  CODE_CACHE_HEADER_BYTES,
  codeCacheDir,
  codeCacheFile,
  codeCacheLocation,
  MAX_CODE_CACHE_BYTES,
  readBuiltCodeCache,
  readCodeCache,
  writeCodeCache,
  type CodeCacheRead,
} from '../../src/launcher/code-cache.js';

/** V8's code cache for the bundle: where it lives, how it is named, read and written (src/launcher/code-cache.ts). */
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idc-code-cache-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;
const digestOf = (source: string) => bundleDigest(Buffer.from(source));
/** The V8 data a read found, else what it found instead. */
const codeOf = (read: CodeCacheRead) => (read.kind === 'found' ? read.code : read);
/** Only root can give a file to another user. */
const asRoot = process.getuid?.() === 0;
const OTHER_UID = 4242;

describe('codeCacheDir', () => {
  it('is $XDG_CACHE_HOME/idc-tui when XDG_CACHE_HOME is absolute', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/var/cache/someone' }, '/home/someone')).toBe('/var/cache/someone/idc-tui');
  });

  it('falls back to <home>/.cache/idc-tui without XDG_CACHE_HOME, with an empty one, or a relative one', () => {
    expect(codeCacheDir({}, '/home/someone')).toBe('/home/someone/.cache/idc-tui');
    expect(codeCacheDir({ XDG_CACHE_HOME: '' }, '/home/someone')).toBe('/home/someone/.cache/idc-tui');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative/cache' }, '/home/someone')).toBe('/home/someone/.cache/idc-tui');
  });

  it.each(['off', 'OFF', 'Off', '0', 'false', 'FALSE', 'False', 'no', 'NO', 'No'])('is undefined with IDC_TUI_CODE_CACHE=%s', (value) => {
    expect(codeCacheDir({ IDC_TUI_CODE_CACHE: value, XDG_CACHE_HOME: '/var/cache/someone' }, '/home/someone')).toBeUndefined();
    expect(codeCacheDir({ IDC_TUI_CODE_CACHE: value }, '/home/someone')).toBeUndefined();
  });

  it.each(['', 'on', '1', 'true', 'yes', 'offline', 'nope', ' off', 'off ', '00'])('is still on with IDC_TUI_CODE_CACHE=%j', (value) => {
    expect(codeCacheDir({ IDC_TUI_CODE_CACHE: value, XDG_CACHE_HOME: '/var/cache/someone' }, '/home/someone')).toBe('/var/cache/someone/idc-tui');
  });
});

describe('codeCacheLocation', () => {
  const runtime = { version: 'v20.99.1', arch: 'riscv64' };

  it('names the file after the Node version, the CPU and the bundle, inside the directory given', () => {
    const location = codeCacheLocation('/c/idc-tui', digestOf('module.exports = 1;'), runtime);
    expect(location.dir).toBe('/c/idc-tui');
    expect(location.file.startsWith('/c/idc-tui/')).toBe(true);
    const name = basename(location.file);
    expect(name).toMatch(/^code-v20\.99\.1-riscv64-[0-9a-f]{16}\.bin$/);
    expect(basename(codeCacheLocation('/c/idc-tui', digestOf('module.exports = 1;'), { version: 'v22.0.0', arch: 'arm64' }).file)).toMatch(
      /^code-v22\.0\.0-arm64-[0-9a-f]{16}\.bin$/,
    );
  });

  it('uses this process’s Node version and CPU by default', () => {
    expect(basename(codeCacheLocation('/c', digestOf('x')).file)).toMatch(new RegExp(`^code-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{16}\\.bin$`));
  });

  it('names the file after the SHA-256 of the exact bundle bytes', () => {
    const bytes = Buffer.from('module.exports = "\u00e9";');
    const expected = execFileSync('sha256sum', { input: bytes, encoding: 'utf8' }).slice(0, 16);
    expect(basename(codeCacheLocation('/c', bundleDigest(bytes), runtime).file)).toBe(`code-v20.99.1-riscv64-${expected}.bin`);
  });

  it('is the same for the same bundle and differs when the bundle differs (even by one character)', () => {
    const a = codeCacheLocation('/c', digestOf('module.exports = 1;'), runtime).file;
    expect(codeCacheLocation('/c', digestOf('module.exports = 1;'), runtime).file).toBe(a);
    expect(codeCacheLocation('/c', digestOf('module.exports = 2;'), runtime).file).not.toBe(a);
    expect(codeCacheLocation('/c', digestOf('module.exports = 1; '), runtime).file).not.toBe(a);
  });

  it('differs for another Node version or CPU with the same bundle', () => {
    const a = codeCacheLocation('/c', digestOf('same'), runtime).file;
    expect(codeCacheLocation('/c', digestOf('same'), { ...runtime, version: 'v20.99.2' }).file).not.toBe(a);
    expect(codeCacheLocation('/c', digestOf('same'), { ...runtime, arch: 'x64' }).file).not.toBe(a);
  });
});

/** A private cache directory (0700, the user's) as the app makes it. */
function cacheDir(): string {
  const dir = join(tempDir(), 'idc-tui');
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

describe('readCodeCache', () => {
  it('finds nothing when the file (or its directory) does not exist', () => {
    const dir = cacheDir();
    expect(readCodeCache(codeCacheLocation(dir, digestOf('src')), digestOf('src'))).toEqual({ kind: 'missing' });
    expect(readCodeCache(codeCacheLocation(join(dir, 'missing', 'idc-tui'), digestOf('src')), digestOf('src'))).toEqual({ kind: 'missing' });
  });

  it('returns the exact V8 bytes after the header of a file made for this bundle', () => {
    const digest = digestOf('src');
    const location = codeCacheLocation(cacheDir(), digest);
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 10, 13, 0]);
    writeFileSync(location.file, codeCacheFile(digest, bytes), { mode: 0o600 });
    const read = codeOf(readCodeCache(location, digest));
    expect(Buffer.isBuffer(read)).toBe(true);
    expect((read as Buffer).equals(bytes)).toBe(true);
    // V8's data starts 8-byte aligned in the buffer read
    expect((read as Buffer).byteOffset % 8).toBe(0);
  });

  it('refuses a cache made for another bundle of the same length, even under this bundle’s file name', () => {
    const a = digestOf('module.exports = "build A";');
    const b = digestOf('module.exports = "build B";');
    const location = codeCacheLocation(cacheDir(), b);
    writeFileSync(location.file, codeCacheFile(a, Buffer.from('code of build A')), { mode: 0o600 });
    expect(readCodeCache(location, b)).toEqual({ kind: 'skipped', reason: 'made for another build of idc-tui' });
    expect(codeOf(readCodeCache(location, a))).toEqual(Buffer.from('code of build A'));
  });

  it('refuses a file without the header: an older idc-tui’s cache, or anything else', () => {
    const digest = digestOf('src');
    const location = codeCacheLocation(cacheDir(), digest);
    for (const content of [Buffer.alloc(0), Buffer.from('V8 data without a header'), Buffer.alloc(4096, 7), codeCacheFile(digest, Buffer.alloc(0)).subarray(0, CODE_CACHE_HEADER_BYTES - 1)]) {
      writeFileSync(location.file, content, { mode: 0o600 });
      expect(readCodeCache(location, digest)).toEqual({ kind: 'skipped', reason: 'not an idc-tui code cache' });
    }
  });

  it('skips a cache in a directory others may enter (0755, 0750, 0701), naming the mode', () => {
    const digest = digestOf('src');
    const dir = cacheDir();
    const location = codeCacheLocation(dir, digest);
    writeFileSync(location.file, codeCacheFile(digest, Buffer.from('code')), { mode: 0o600 });
    for (const m of [0o755, 0o750, 0o701]) {
      chmodSync(dir, m);
      expect(readCodeCache(location, digest)).toEqual({
        kind: 'skipped',
        reason: `its directory ${dir} is open to others (mode 0${m.toString(8)}; idc-tui makes it 0700)`,
      });
    }
    chmodSync(dir, 0o700);
    expect(codeOf(readCodeCache(location, digest))).toEqual(Buffer.from('code'));
  });

  it.skipIf(!asRoot)('skips a cache file that belongs to another user, and any file in a directory of another user', () => {
    const digest = digestOf('src');
    const dir = cacheDir();
    const location = codeCacheLocation(dir, digest);
    writeFileSync(location.file, codeCacheFile(digest, Buffer.from('code')), { mode: 0o600 });
    chownSync(location.file, OTHER_UID, OTHER_UID);
    expect(readCodeCache(location, digest)).toEqual({ kind: 'skipped', reason: `it belongs to uid ${OTHER_UID}, not to you` });
    chownSync(location.file, 0, 0);
    chownSync(dir, OTHER_UID, OTHER_UID);
    expect(readCodeCache(location, digest)).toEqual({ kind: 'skipped', reason: `its directory ${dir} belongs to uid ${OTHER_UID}, not to you` });
  });

  it('skips what is not a regular file of a bounded size: a FIFO (without hanging), a device, a directory, a huge file', () => {
    const digest = digestOf('src');
    const dir = cacheDir();
    const location = codeCacheLocation(dir, digest);
    execFileSync('mkfifo', [location.file]);
    expect(readCodeCache(location, digest)).toEqual({ kind: 'skipped', reason: 'a FIFO, not a regular file' });
    rmSync(location.file);
    symlinkSync('/dev/zero', location.file);
    expect(readCodeCache(location, digest)).toEqual({ kind: 'skipped', reason: 'a character device, not a regular file' });
    rmSync(location.file);
    mkdirSync(location.file);
    expect(readCodeCache(location, digest)).toEqual({ kind: 'skipped', reason: 'a directory, not a regular file' });
    rmSync(location.file, { recursive: true });
    writeFileSync(location.file, '');
    execFileSync('truncate', ['-s', String(MAX_CODE_CACHE_BYTES + 1), location.file]);
    expect(readCodeCache(location, digest)).toEqual({
      kind: 'skipped',
      reason: `${MAX_CODE_CACHE_BYTES + 1} bytes, more than the ${MAX_CODE_CACHE_BYTES} allowed`,
    });
  });
});

describe('readBuiltCodeCache', () => {
  it('reads the build’s cache beside the bundle (a shared directory) when it was made for this bundle, and only then', () => {
    const dist = tempDir();
    chmodSync(dist, 0o755);
    const digest = digestOf('the bundle');
    const file = join(dist, basename(codeCacheLocation(dist, digest).file));
    writeFileSync(file, codeCacheFile(digest, Buffer.from('built code')), { mode: 0o644 });
    expect(codeOf(readBuiltCodeCache(file, digest))).toEqual(Buffer.from('built code'));
    expect(readBuiltCodeCache(file, digestOf('the bundle, edited'))).toEqual({ kind: 'skipped', reason: 'made for another build of idc-tui' });
    expect(readBuiltCodeCache(join(dist, 'none.bin'), digest)).toEqual({ kind: 'missing' });
  });
});

describe('writeCodeCache', () => {
  it('creates the directory 0700 and the file 0600 holding the header for this bundle and exactly the bytes given', () => {
    const base = tempDir();
    const dir = join(base, 'cache', 'idc-tui');
    const digest = digestOf('the bundle');
    const location = codeCacheLocation(dir, digest);
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));
    writeCodeCache(location, digest, new Uint8Array(bytes));
    expect(mode(dir)).toBe(0o700);
    expect(mode(location.file)).toBe(0o600);
    const file = readFileSync(location.file);
    expect(file.length).toBe(CODE_CACHE_HEADER_BYTES + bytes.length);
    expect(file.subarray(CODE_CACHE_HEADER_BYTES).equals(bytes)).toBe(true);
    expect(file.subarray(8, CODE_CACHE_HEADER_BYTES).equals(digest)).toBe(true);
    // atomic: no temp file is left behind
    expect(readdirSync(dir)).toEqual([basename(location.file)]);
  });

  it('tightens an existing directory to 0700 and replaces an existing file of the same name', () => {
    const dir = join(tempDir(), 'idc-tui');
    mkdirSync(dir, { mode: 0o755 });
    const digest = digestOf('the bundle');
    const location = codeCacheLocation(dir, digest);
    writeFileSync(location.file, 'old', { mode: 0o644 });
    writeCodeCache(location, digest, Buffer.from('new bytes'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(location.file)).toBe(0o600);
    expect(codeOf(readCodeCache(location, digest))).toEqual(Buffer.from('new bytes'));
  });

  it("removes this Node's caches of other builds and leaves other Node versions' caches and every other file alone", () => {
    const dir = join(tempDir(), 'idc-tui');
    mkdirSync(dir, { recursive: true });
    const stale = [codeCacheLocation(dir, digestOf('an older bundle')).file, codeCacheLocation(dir, digestOf('an even older bundle')).file];
    for (const file of stale) writeFileSync(file, 'stale');
    const otherNode = basename(codeCacheLocation(dir, digestOf('the bundle'), { version: 'v18.0.0', arch: 'x64' }).file);
    const otherCpu = basename(codeCacheLocation(dir, digestOf('an older bundle'), { version: process.version, arch: 'arm64' }).file);
    const kept = ['state.json', 'code-notes.txt', 'code.bin', 'my-code-1.bin', 'code-x.bin.bak', 'code-anything.bin', otherNode, otherCpu];
    for (const name of kept) writeFileSync(join(dir, name), name);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'code-inside.bin'), 'nested');

    const digest = digestOf('the bundle');
    const location = codeCacheLocation(dir, digest);
    writeCodeCache(location, digest, Buffer.from('fresh'));

    for (const file of stale) expect(existsSync(file), file).toBe(false);
    for (const name of kept) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(name);
    expect(readFileSync(join(dir, 'sub', 'code-inside.bin'), 'utf8')).toBe('nested');
    expect(codeOf(readCodeCache(location, digest))).toEqual(Buffer.from('fresh'));
    expect(readdirSync(dir).sort()).toEqual([basename(location.file), ...kept, 'sub'].sort());
  });

  it('leaves other directories’ caches alone', () => {
    const base = tempDir();
    const other = join(base, 'other');
    mkdirSync(other);
    const elsewhere = codeCacheLocation(other, digestOf('an older bundle')).file;
    writeFileSync(elsewhere, 'keep');
    const digest = digestOf('the bundle');
    writeCodeCache(codeCacheLocation(join(base, 'idc-tui'), digest), digest, Buffer.from('fresh'));
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep');
  });

  it('round-trips with readCodeCache', () => {
    const digest = digestOf('the bundle');
    const location = codeCacheLocation(join(tempDir(), 'idc-tui'), digest);
    const bytes = Buffer.from('\u0000cached\u00ff', 'latin1');
    writeCodeCache(location, digest, bytes);
    expect(codeOf(readCodeCache(location, digest))).toEqual(bytes);
  });
});
