import { lstatSync, readlinkSync, realpathSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { emptyMemory, mergeMemory, parseMemoryFile, serializeMemory, type Remembered } from '../../domain/memory.js';
import { withFileLock } from '../file-lock.js';
import { ensurePrivateDir, writePrivateFile } from '../private-file.js';
import { readRegularFile } from '../regular-file.js';

/** Where idc-tui keeps its memory: $XDG_CONFIG_HOME/idc-tui/state.json, else ~/.config/idc-tui/state.json. */
export function memoryPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : join(env['HOME'] || homedir(), '.config');
  return join(base, 'idc-tui', 'state.json');
}

/** The largest state file read: the most the app writes (100 targets of 70 IDs) is ~0.5 MB. */
export const MAX_STATE_BYTES = 1024 * 1024;

export interface MemoryStore {
  readonly path: string;
  load(): Remembered;
  /** Never throws: memory is a convenience, a read-only home must not stop the app. */
  save(memory: Remembered): void;
}

export interface MemoryStoreOptions {
  /** --debug: a line on what was not read, or will not be written, and why. */
  note?: (line: string) => void;
}

/** The file written: state.json itself, or the file it is a symlink to (the link stays a link). */
type Target = { file: string; linked: boolean } | { refused: string };

function writeTarget(path: string): Target {
  try {
    if (!lstatSync(path).isSymbolicLink()) return { file: path, linked: false };
  } catch {
    return { file: path, linked: false };
  }
  try {
    return { file: realpathSync(path), linked: true };
  } catch (err) {
    const to = (() => {
      try {
        return readlinkSync(path);
      } catch {
        return '?';
      }
    })();
    return { refused: `it is a symlink to ${to}, which cannot be followed (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

type DiskRead = { kind: 'read'; memory: Remembered } | { kind: 'missing' } | { kind: 'damaged' } | { kind: 'skipped'; reason: string };

function readState(file: string): DiskRead {
  const read = readRegularFile(file, MAX_STATE_BYTES);
  if (read.kind !== 'read') return read;
  const memory = parseMemoryFile(read.bytes.toString('utf8'));
  return memory ? { kind: 'read', memory } : { kind: 'damaged' };
}

const clone = (memory: Remembered): Remembered => JSON.parse(JSON.stringify(memory)) as Remembered;

/**
 * state.json, shared by every idc-tui the user runs. Each save re-reads the file under a lock and
 * lays this process's changes over what is there, so two instances never drop each other's
 * selections. A file that is not JSON is kept aside as state.json.bad; one that is not a regular
 * file of a bounded size (a FIFO, a device, a huge file) is neither read nor replaced.
 */
export function fileMemoryStore(path: string = memoryPath(), options: MemoryStoreOptions = {}): MemoryStore {
  let target: Target | undefined;
  /** What this process last read or wrote: its changes are what differs from it. */
  let baseline = emptyMemory();
  let baselineText = serializeMemory(baseline);
  /** Set when the file must be left as it is; the reason is noted once. */
  let leftAlone: string | undefined;

  const note = (line: string) => options.note?.(line);
  const resolved = (): Target => (target ??= writeTarget(path));

  /** Keeps a damaged file as <file>.bad (replacing an older one) for the user to look at. */
  const setAside = (file: string) => renameSync(file, `${file}.bad`);

  return {
    path,
    load() {
      const where = resolved();
      if ('refused' in where) {
        leftAlone = where.refused;
        note(`remembered state not read and not saved (${where.refused}): ${path}`);
        return emptyMemory();
      }
      let read = readState(where.file);
      if (read.kind === 'damaged') {
        try {
          read =
            withFileLock(`${where.file}.lock`, () => {
              const again = readState(where.file);
              if (again.kind !== 'damaged') return again;
              setAside(where.file);
              note(`remembered state was not JSON; kept aside as ${where.file}.bad: ${path}`);
              return { kind: 'missing' } as const;
            }) ?? read;
        } catch (err) {
          // a read-only directory: the next save tries again
          note(`remembered state was not JSON and could not be kept aside (${(err as NodeJS.ErrnoException).code ?? String(err)}): ${path}`);
        }
      }
      if (read.kind === 'skipped') {
        leftAlone = read.reason;
        note(`remembered state not read and not saved (${read.reason}): ${path}`);
      }
      baseline = read.kind === 'read' ? read.memory : emptyMemory();
      baselineText = serializeMemory(baseline);
      return clone(baseline);
    },
    save(memory) {
      if (leftAlone !== undefined || serializeMemory(memory) === baselineText) return;
      const where = resolved();
      if ('refused' in where) return;
      try {
        if (!where.linked) ensurePrivateDir(dirname(where.file));
        const written = withFileLock(`${where.file}.lock`, () => {
          const disk = readState(where.file);
          if (disk.kind === 'skipped') return false;
          if (disk.kind === 'damaged') setAside(where.file);
          const merged = mergeMemory(disk.kind === 'read' ? disk.memory : emptyMemory(), memory, baseline);
          writePrivateFile(where.file, serializeMemory(merged), { privateDir: !where.linked });
          return true;
        });
        if (written) {
          baseline = clone(memory);
          baselineText = serializeMemory(baseline);
        }
      } catch {
        // not fatal: the next change tries again
      }
    },
  };
}
