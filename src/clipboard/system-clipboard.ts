import { AppError } from '../domain/errors.js';
import type { Clipboard, CopyResult } from './clipboard.js';

/** The desktop clipboard through clipboardy (pbcopy, PowerShell, wl-copy, xsel…). */
export function systemClipboard(): Clipboard {
  return {
    async copy(text: string): Promise<CopyResult> {
      try {
        const { default: clipboardy } = await import('clipboardy');
        await clipboardy.write(text);
        return { method: 'system', confirmed: true };
      } catch (err) {
        const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new AppError('other', `Could not copy to the clipboard: ${reason}`, {
          hint: 'Press v to reveal the token and copy it by hand.',
          cause: err,
        });
      }
    },
  };
}
