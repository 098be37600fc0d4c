import type { CopyResult } from '../../clipboard/clipboard.js';
import type { AppError } from '../../domain/errors.js';
import type { Notice } from './app-state.js';

function copiedText(result: CopyResult, what?: string): string {
  const it = what ? ` ${what}` : '';
  if (result.method === 'system') return `Copied${it} to the clipboard.`;
  const via = result.method === 'tmux' ? `Sent${it} through tmux` : `Sent${it} to the terminal via OSC 52`;
  return result.confirmed ? `${via}.` : `${via} (the terminal cannot confirm it).`;
}

/** what: e.g. "the JDBC URL for analytics-prod"; absent for the plain token. */
export function copiedNotice(result: CopyResult, expired = false, what?: string): Notice {
  const lines = [copiedText(result, what)];
  if (result.detail) lines.push(`How: ${result.detail}.`);
  if (expired) return { tone: 'warning', text: [...lines, 'This token has expired: r gets a fresh one.'].join('\n') };
  return { tone: 'success', text: lines.join('\n') };
}

export function copyFailedNotice(error: AppError): Notice {
  const hint = error.hint ?? 'Press v to reveal the token and copy it by hand.';
  return { tone: 'error', text: `${error.message}\n${hint}` };
}
