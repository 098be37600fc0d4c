import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { emptyMemory, parseMemory, serializeMemory, type Remembered } from '../../domain/memory.js';
import { writePrivateFile } from '../private-file.js';

/** Where idc-tui keeps its memory: $XDG_CONFIG_HOME/idc-tui/state.json, else ~/.config/idc-tui/state.json. */
export function memoryPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : join(env['HOME'] || homedir(), '.config');
  return join(base, 'idc-tui', 'state.json');
}

export interface MemoryStore {
  readonly path: string;
  load(): Remembered;
  /** Never throws: memory is a convenience, a read-only home must not stop the app. */
  save(memory: Remembered): void;
}

export function fileMemoryStore(path: string = memoryPath()): MemoryStore {
  let lastWritten: string | undefined;
  return {
    path,
    load() {
      try {
        return parseMemory(readFileSync(path, 'utf8'));
      } catch {
        return emptyMemory();
      }
    },
    save(memory) {
      const text = serializeMemory(memory);
      if (text === lastWritten) return;
      try {
        writePrivateFile(path, text);
        lastWritten = text;
      } catch {
        // not fatal: the next change tries again
      }
    },
  };
}
