import { getHost } from '../host.js';
import { AppError } from '../domain/errors.js';
import type { ClearResult, Clipboard, CopyResult } from './clipboard.js';
import { sha256 } from './fingerprint.js';

/** The parts of clipboardy used here; injectable for tests. */
export interface ClipboardyLike {
  write(text: string): Promise<void>;
  read(): Promise<string>;
}

async function loadClipboardy(): Promise<ClipboardyLike> {
  const { default: clipboardy } = (await getHost().importModule('clipboardy')) as typeof import('clipboardy');
  return clipboardy;
}

export function firstLine(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
}

/** The desktop clipboard through clipboardy (pbcopy, PowerShell, wl-copy, xsel…); it can be read back. */
export function systemClipboard(load: () => Promise<ClipboardyLike> = loadClipboardy): Clipboard {
  return {
    async copy(text: string): Promise<CopyResult> {
      try {
        await (await load()).write(text);
        return { method: 'system', confirmed: true, clearable: true };
      } catch (err) {
        throw new AppError('other', `Could not copy to the clipboard: ${firstLine(err)}`, {
          hint: 'Press v to reveal the token and copy it by hand.',
          cause: err,
        });
      }
    },

    async holds(hash: string): Promise<boolean | undefined> {
      try {
        return sha256(await (await load()).read()) === hash;
      } catch {
        return undefined;
      }
    },

    async clearIfUnchanged(hash: string): Promise<ClearResult> {
      try {
        const clipboardy = await load();
        if (sha256(await clipboardy.read()) !== hash) return { kind: 'changed' };
        await clipboardy.write('');
        return { kind: 'cleared' };
      } catch (err) {
        return { kind: 'failed', reason: firstLine(err) };
      }
    },
  };
}
