import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCacheDir, codeCacheLocation, readCodeCache, writeCodeCache } from '../../src/launcher/code-cache.js';

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

  it('names the file after the Node version, the CPU and the source, inside the directory given', () => {
    const location = codeCacheLocation('/c/idc-tui', 'module.exports = 1;', runtime);
    expect(location.dir).toBe('/c/idc-tui');
    expect(location.file.startsWith('/c/idc-tui/')).toBe(true);
    const name = basename(location.file);
    expect(name).toMatch(/^code-v20\.99\.1-riscv64-[0-9a-f]{16}\.bin$/);
    expect(basename(codeCacheLocation('/c/idc-tui', 'module.exports = 1;', { version: 'v22.0.0', arch: 'arm64' }).file)).toMatch(
      /^code-v22\.0\.0-arm64-[0-9a-f]{16}\.bin$/,
    );
  });

  it('uses this process’s Node version and CPU by default', () => {
    expect(basename(codeCacheLocation('/c', 'x').file)).toMatch(new RegExp(`^code-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{16}\\.bin$`));
  });

  it('is the same for the same source and differs when the source differs (even by one character)', () => {
    const a = codeCacheLocation('/c', 'module.exports = 1;', runtime).file;
    expect(codeCacheLocation('/c', 'module.exports = 1;', runtime).file).toBe(a);
    expect(codeCacheLocation('/c', 'module.exports = 2;', runtime).file).not.toBe(a);
    expect(codeCacheLocation('/c', 'module.exports = 1; ', runtime).file).not.toBe(a);
  });

  it('differs for another Node version or CPU with the same source', () => {
    const a = codeCacheLocation('/c', 'same', runtime).file;
    expect(codeCacheLocation('/c', 'same', { ...runtime, version: 'v20.99.2' }).file).not.toBe(a);
    expect(codeCacheLocation('/c', 'same', { ...runtime, arch: 'x64' }).file).not.toBe(a);
  });
});

describe('readCodeCache', () => {
  it('is undefined when the file (or its directory) does not exist', () => {
    const dir = tempDir();
    expect(readCodeCache(codeCacheLocation(dir, 'src'))).toBeUndefined();
    expect(readCodeCache(codeCacheLocation(join(dir, 'missing', 'idc-tui'), 'src'))).toBeUndefined();
  });

  it('returns the exact bytes of an existing file', () => {
    const dir = tempDir();
    const location = codeCacheLocation(dir, 'src');
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 10, 13, 0]);
    writeFileSync(location.file, bytes);
    const read = readCodeCache(location);
    expect(Buffer.isBuffer(read)).toBe(true);
    expect(read?.equals(bytes)).toBe(true);
  });
});

describe('writeCodeCache', () => {
  it('creates the directory 0700 and the file 0600 holding exactly the bytes given', () => {
    const base = tempDir();
    const dir = join(base, 'cache', 'idc-tui');
    const location = codeCacheLocation(dir, 'the bundle');
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));
    writeCodeCache(location, new Uint8Array(bytes));
    expect(mode(dir)).toBe(0o700);
    expect(mode(location.file)).toBe(0o600);
    expect(readFileSync(location.file).equals(bytes)).toBe(true);
    // atomic: no temp file is left behind
    expect(readdirSync(dir)).toEqual([basename(location.file)]);
  });

  it('tightens an existing directory to 0700 and replaces an existing file of the same name', () => {
    const dir = join(tempDir(), 'idc-tui');
    mkdirSync(dir, { mode: 0o755 });
    const location = codeCacheLocation(dir, 'the bundle');
    writeFileSync(location.file, 'old', { mode: 0o644 });
    writeCodeCache(location, Buffer.from('new bytes'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(location.file)).toBe(0o600);
    expect(readFileSync(location.file, 'utf8')).toBe('new bytes');
  });

  it("removes this Node's caches of other builds and leaves other Node versions' caches and every other file alone", () => {
    const dir = join(tempDir(), 'idc-tui');
    mkdirSync(dir, { recursive: true });
    const stale = [codeCacheLocation(dir, 'an older bundle').file, codeCacheLocation(dir, 'an even older bundle').file];
    for (const file of stale) writeFileSync(file, 'stale');
    const otherNode = basename(codeCacheLocation(dir, 'the bundle', { version: 'v18.0.0', arch: 'x64' }).file);
    const otherCpu = basename(codeCacheLocation(dir, 'an older bundle', { version: process.version, arch: 'arm64' }).file);
    const kept = ['state.json', 'code-notes.txt', 'code.bin', 'my-code-1.bin', 'code-x.bin.bak', 'code-anything.bin', otherNode, otherCpu];
    for (const name of kept) writeFileSync(join(dir, name), name);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'code-inside.bin'), 'nested');

    const location = codeCacheLocation(dir, 'the bundle');
    writeCodeCache(location, Buffer.from('fresh'));

    for (const file of stale) expect(existsSync(file), file).toBe(false);
    for (const name of kept) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(name);
    expect(readFileSync(join(dir, 'sub', 'code-inside.bin'), 'utf8')).toBe('nested');
    expect(readFileSync(location.file, 'utf8')).toBe('fresh');
    expect(readdirSync(dir).sort()).toEqual([basename(location.file), ...kept, 'sub'].sort());
  });

  it('leaves other directories’ caches alone', () => {
    const base = tempDir();
    const other = join(base, 'other');
    mkdirSync(other);
    const elsewhere = codeCacheLocation(other, 'an older bundle').file;
    writeFileSync(elsewhere, 'keep');
    writeCodeCache(codeCacheLocation(join(base, 'idc-tui'), 'the bundle'), Buffer.from('fresh'));
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep');
  });

  it('round-trips with readCodeCache', () => {
    const location = codeCacheLocation(join(tempDir(), 'idc-tui'), 'the bundle');
    const bytes = Buffer.from('\u0000cached\u00ff', 'latin1');
    writeCodeCache(location, bytes);
    expect(readCodeCache(location)?.equals(bytes)).toBe(true);
  });
});
