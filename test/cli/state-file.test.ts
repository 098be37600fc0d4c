import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileMemoryStore } from '../../src/cli/config-store/memory-store.js';
import { withFileLock } from '../../src/cli/file-lock.js';
import { writePrivateFile } from '../../src/cli/private-file.js';
import type { Remembered } from '../../src/domain/memory.js';

/**
 * state.json shared by several idc-tui processes (src/cli/config-store/memory-store.ts): each
 * store here plays one instance. Saves merge under a lock; links stay links; a damaged file is
 * kept aside; no temp file is left behind.
 */
let root: string;
let dir: string;
let path: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'idc-state-'));
  dir = join(root, 'config', 'idc-tui');
  path = join(dir, 'state.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (p: string) => statSync(p).mode & 0o777;
const onDisk = () => JSON.parse(readFileSync(path, 'utf8')) as { last?: unknown; targets: Record<string, { selection: string[]; recent: string[] }> };

/** What an instance on `key` holds after selecting `selection` and getting tokens for `recent`, on top of what it loaded. */
function withTarget(loaded: Remembered, key: string, selection: string[], recent: string[] = []): Remembered {
  const [profile, region] = key.split('|') as [string, string];
  return { last: { profile, region }, targets: { ...loaded.targets, [key]: { selection, recent } } };
}

/** A pid that is surely not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('two instances', () => {
  it('never drop each other’s selections: each save lays its own changes over what is on disk', () => {
    writePrivateFile(path, JSON.stringify({ version: 1, targets: { 'old|eu-west-1': { selection: ['kept-1'], recent: [] } } }));
    const a = fileMemoryStore(path);
    const b = fileMemoryStore(path);
    const loadedA = a.load();
    const loadedB = b.load();

    a.save(withTarget(loadedA, 'work|us-east-1', ['a-1', 'a-2']));
    b.save(withTarget(loadedB, 'other|us-west-2', ['b-1']));
    expect(onDisk().targets).toEqual({
      'old|eu-west-1': { selection: ['kept-1'], recent: [] },
      'work|us-east-1': { selection: ['a-1', 'a-2'], recent: [] },
      'other|us-west-2': { selection: ['b-1'], recent: [] },
    });
    expect(onDisk().last).toEqual({ profile: 'other', region: 'us-west-2' });

    // A changes its selection again (its last is unchanged): B's target and B's last stay
    a.save(withTarget(loadedA, 'work|us-east-1', ['a-3']));
    expect(onDisk().targets['other|us-west-2']).toEqual({ selection: ['b-1'], recent: [] });
    expect(onDisk().targets['work|us-east-1']).toEqual({ selection: ['a-3'], recent: [] });
    expect(onDisk().last).toEqual({ profile: 'other', region: 'us-west-2' });
  });

  it('on the same profile and region, the later selection wins and the recently used clusters of both are kept', () => {
    const a = fileMemoryStore(path);
    const b = fileMemoryStore(path);
    const loadedA = a.load();
    const loadedB = b.load();
    a.save(withTarget(loadedA, 'work|us-east-1', ['a-1'], ['a-1']));
    b.save(withTarget(loadedB, 'work|us-east-1', ['b-1'], ['b-1']));
    expect(onDisk().targets['work|us-east-1']).toEqual({ selection: ['b-1'], recent: ['b-1', 'a-1'] });
  });
});

describe('the lock', () => {
  it('a save waits for a lock another live process holds, and writes nothing while it is held', () => {
    const store = fileMemoryStore(path);
    store.save(withTarget(store.load(), 'work|us-east-1', ['first']));
    // this test process stands for another live idc-tui holding the lock
    writeFileSync(`${path}.lock`, `${process.pid} ${hostname()}\n`);
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['second']));
    expect(onDisk().targets['work|us-east-1']?.selection).toEqual(['first']);
    expect(existsSync(`${path}.lock`)).toBe(true);

    rmSync(`${path}.lock`);
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['third']));
    expect(onDisk().targets['work|us-east-1']?.selection).toEqual(['third']);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a lock left by a process that died is broken (on this host by its pid, from anywhere by its age)', () => {
    const store = fileMemoryStore(path);
    store.load();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(`${path}.lock`, `${deadPid()} ${hostname()}\n`);
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['after-dead-pid']));
    expect(onDisk().targets['work|us-east-1']?.selection).toEqual(['after-dead-pid']);

    writeFileSync(`${path}.lock`, `1 some-other-host\n`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['after-old-lock']));
    expect(onDisk().targets['work|us-east-1']?.selection).toEqual(['after-old-lock']);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('withFileLock gives up after waitMs and runs nothing; it removes only its own lock', () => {
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, 'x.lock');
    writeFileSync(lock, `${process.pid} ${hostname()}\n`);
    let ran = false;
    expect(withFileLock(lock, () => (ran = true), { waitMs: 50 })).toBeUndefined();
    expect(ran).toBe(false);
    rmSync(lock);
    expect(withFileLock(lock, () => readFileSync(lock, 'utf8'))).toBe(`${process.pid} ${hostname()}\n`);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('symlinks', () => {
  it('a symlinked state directory is written into, never chmod-ed through', () => {
    const real = join(root, 'dotfiles', 'idc-tui');
    mkdirSync(real, { recursive: true, mode: 0o755 });
    mkdirSync(join(root, 'config'));
    symlinkSync(real, dir);
    const store = fileMemoryStore(path);
    store.save(withTarget(store.load(), 'work|us-east-1', ['c-1']));
    expect(lstatSync(dir).isSymbolicLink()).toBe(true);
    expect(mode(real)).toBe(0o755);
    expect(JSON.parse(readFileSync(join(real, 'state.json'), 'utf8')).targets['work|us-east-1'].selection).toEqual(['c-1']);
    expect(mode(join(real, 'state.json'))).toBe(0o600);
  });

  it('a symlinked state.json stays a link: its target is written, atomically, and nothing is left beside either', () => {
    const elsewhere = join(root, 'dotfiles');
    mkdirSync(elsewhere, { mode: 0o755 });
    const target = join(elsewhere, 'idc-state.json');
    writeFileSync(target, JSON.stringify({ version: 1, targets: { 'old|': { selection: ['kept-1'], recent: [] } } }), { mode: 0o644 });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    symlinkSync(target, path);
    const store = fileMemoryStore(path);
    store.save(withTarget(store.load(), 'work|us-east-1', ['c-1']));
    expect(readlinkSync(path)).toBe(target);
    const saved = JSON.parse(readFileSync(target, 'utf8')) as ReturnType<typeof onDisk>;
    expect(saved.targets).toEqual({ 'old|': { selection: ['kept-1'], recent: [] }, 'work|us-east-1': { selection: ['c-1'], recent: [] } });
    expect(mode(target)).toBe(0o600);
    expect(mode(elsewhere)).toBe(0o755);
    expect(readdirSync(elsewhere)).toEqual(['idc-state.json']);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a symlink to nothing is refused clearly (a --debug note) and left as it is', () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    symlinkSync(join(root, 'missing', 'state.json'), path);
    const notes: string[] = [];
    const store = fileMemoryStore(path, { note: (line) => notes.push(line) });
    expect(store.load()).toEqual({ targets: {} });
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['c-1']));
    expect(readlinkSync(path)).toBe(join(root, 'missing', 'state.json'));
    expect(existsSync(join(root, 'missing'))).toBe(false);
    expect(notes).toEqual([`remembered state not read and not saved (it is a symlink to ${join(root, 'missing', 'state.json')}, which cannot be followed (ENOENT)): ${path}`]);
  });
});

describe('a damaged state file', () => {
  it.each(['{"targets": {"work|": {"selection": ["c-1"]', 'not json at all', '[1, 2]', 'null'])('%j is kept aside as state.json.bad, with a --debug note, and a fresh one is written', (text) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(path, text, { mode: 0o600 });
    const notes: string[] = [];
    const store = fileMemoryStore(path, { note: (line) => notes.push(line) });
    expect(store.load()).toEqual({ targets: {} });
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe(text);
    expect(notes).toEqual([`remembered state was not JSON; kept aside as ${path}.bad: ${path}`]);
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['c-1']));
    expect(onDisk().targets['work|us-east-1']?.selection).toEqual(['c-1']);
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe(text);
  });

  it('a damaged file that cannot be kept aside does not stop the start', () => {
    mkdirSync(join(dir, 'state.json.bad', 'in-the-way'), { recursive: true, mode: 0o700 });
    writeFileSync(path, 'not json', { mode: 0o600 });
    const notes: string[] = [];
    expect(fileMemoryStore(path, { note: (line) => notes.push(line) }).load()).toEqual({ targets: {} });
    expect(notes).toEqual([`remembered state was not JSON and could not be kept aside (EISDIR): ${path}`]);
    expect(readFileSync(path, 'utf8')).toBe('not json');
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a file damaged after the start is kept aside too when the next save finds it', () => {
    const store = fileMemoryStore(path);
    store.save(withTarget(store.load(), 'work|us-east-1', ['c-1']));
    writeFileSync(path, '{"half');
    store.save(withTarget({ targets: {} }, 'work|us-east-1', ['c-2']));
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe('{"half');
    expect(onDisk().targets['work|us-east-1']?.selection).toEqual(['c-2']);
  });
});

describe('temp files', () => {
  it('a failed write leaves no temp file behind', () => {
    mkdirSync(join(dir, 'state.json', 'in-the-way'), { recursive: true });
    expect(() => writePrivateFile(path, '{}')).toThrow();
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a save removes temp files that earlier processes left (older than a minute), not a fresh one', () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stale = `${path}.4242.tmp`;
    const fresh = `${path}.4343.tmp`;
    const unrelated = join(dir, 'notes.4242.tmp');
    for (const file of [stale, fresh, unrelated]) writeFileSync(file, 'x');
    const old = new Date(Date.now() - 120_000);
    utimesSync(stale, old, old);
    utimesSync(unrelated, old, old);
    const store = fileMemoryStore(path);
    store.save(withTarget(store.load(), 'work|us-east-1', ['c-1']));
    expect(readdirSync(dir).sort()).toEqual(['notes.4242.tmp', 'state.json', 'state.json.4343.tmp']);
  });
});
