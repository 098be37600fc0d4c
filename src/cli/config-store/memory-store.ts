import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { emptyMemory, parseMemory, serializeMemory, type Remembered } from '../../domain/memory.js';
import { writePrivateFile } from '../private-file.js';
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

export function fileMemoryStore(path: string = memoryPath(), options: MemoryStoreOptions = {}): MemoryStore {
  let lastWritten: string | undefined;
  /** A file that is not one idc-tui wrote (a FIFO, a device, a huge file) is neither read nor replaced. */
  let leftAlone = false;
  return {
    path,
    load() {
      const read = readRegularFile(path, MAX_STATE_BYTES);
      if (read.kind === 'skipped') {
        leftAlone = true;
        options.note?.(`remembered state not read and not saved (${read.reason}): ${path}`);
      }
      return read.kind === 'read' ? parseMemory(read.bytes.toString('utf8')) : emptyMemory();
    },
    save(memory) {
      const text = serializeMemory(memory);
      if (leftAlone || text === lastWritten) return;
      try {
        writePrivateFile(path, text);
        lastWritten = text;
      } catch {
        // not fatal: the next change tries again
      }
    },
  };
}
