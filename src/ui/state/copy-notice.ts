import type { CopyResult } from '../../clipboard/clipboard.js';
import type { AppError } from '../../domain/errors.js';
import type { Notice } from './app-state.js';

function copiedText(result: CopyResult): string {
  if (result.method === 'system') return 'Copied to the clipboard.';
  const via = result.method === 'tmux' ? 'Sent to tmux via OSC 52' : 'Sent to the terminal via OSC 52';
  return result.confirmed ? `${via}.` : `${via} (the terminal cannot confirm it).`;
}

export function copiedNotice(result: CopyResult, expired = false): Notice {
  if (expired) return { tone: 'warning', text: `${copiedText(result)}\nThis token has expired: r gets a fresh one.` };
  return { tone: 'success', text: copiedText(result) };
}

export function copyFailedNotice(error: AppError): Notice {
  const hint = error.hint ?? 'Press v to reveal the token and copy it by hand.';
  return { tone: 'error', text: `${error.message}\n${hint}` };
}
