import { getHost } from '../host.js';
import { AppError } from '../domain/errors.js';
import type { ClearResult, Clipboard, CopyResult } from './clipboard.js';
import { sha256 } from './fingerprint.js';
import { clipboardHelpers } from './helper-commands.js';
import { helperClipboard, type TextClipboard } from './run-helper.js';

/** The system clipboard's programs here (pbcopy, PowerShell, wl-copy, xsel…), run with a minimal environment. */
function systemTools(): TextClipboard {
  return helperClipboard(clipboardHelpers(process.platform, process.env, getHost().bundledHelpers()));
}

export function firstLine(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
}

/** The desktop clipboard (pbcopy, PowerShell, wl-copy, xsel…); it can be read back. */
export function systemClipboard(load: () => TextClipboard = systemTools): Clipboard {
  return {
    async copy(text: string): Promise<CopyResult> {
      try {
        await load().write(text);
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
        return sha256(await load().read()) === hash;
      } catch {
        return undefined;
      }
    },

    async clearIfUnchanged(hash: string): Promise<ClearResult> {
      try {
        const tools = load();
        if (sha256(await tools.read()) !== hash) return { kind: 'changed' };
        await tools.write('');
        return { kind: 'cleared' };
      } catch (err) {
        return { kind: 'failed', reason: firstLine(err) };
      }
    },
  };
}
