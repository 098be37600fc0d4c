import type { ClusterListState, RetryInfo } from './cluster-list-state.js';
import type { Notice, NoticeTone, Screen } from './app-state.js';
import type { TokenState } from './token-state.js';

/** A line or two in the message area under the main view. */
export interface Message {
  tone: NoticeTone;
  lines: string[];
  /** Shows a spinner: something is in flight. */
  busy?: boolean;
}

export function describeIds(ids: readonly string[]): string {
  if (ids.length <= 3) return ids.join(', ');
  return `${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}

function retryText(retry: RetryInfo | null): string {
  if (!retry) return '';
  const of = retry.maxAttempts ? ` of ${retry.maxAttempts}` : '';
  return ` retrying… (attempt ${retry.attempt}${of}: ${retry.reason})`;
}

export function tokenMessages(token: TokenState, screen: Screen): Message[] {
  if (token.status === 'requesting') {
    const what = screen === 'token' ? 'Getting a fresh token…' : `Requesting a token for ${describeIds(token.pendingIds)}…`;
    const tone = token.retry ? 'warning' : 'info';
    const cancel = screen === 'list' ? ' (Esc cancels)' : '';
    // the retry goes first: a narrow terminal truncates the end of the line
    const line = token.retry ? `${retryText(token.retry).trim()} · ${what}${cancel}` : `${what}${cancel}`;
    return [{ tone, busy: true, lines: [line] }];
  }
  if (token.status === 'failed' && token.error) {
    const { message, hint } = token.error;
    if (screen === 'token') {
      const after = 'The token shown is still the previous one; r tries again.';
      return [{ tone: 'error', lines: [`Refresh failed: ${message}`, hint ? `${hint} ${after}` : after] }];
    }
    const after = 'Enter tries again.';
    return [{ tone: 'error', lines: [`No token: ${message}`, hint ? `${hint} ${after}` : after] }];
  }
  return [];
}

export function listLoadMessages(list: ClusterListState): Message[] {
  if (list.status === 'loading' && list.retry) {
    return [{ tone: 'warning', busy: true, lines: [`${retryText(list.retry).trim()} · listing clusters`] }];
  }
  if (list.status === 'failed' && list.error) {
    const { message, hint } = list.error;
    const after = 'Ctrl-R reloads the list.';
    return [{ tone: 'error', lines: [`Could not list clusters: ${message}`, hint ? `${hint} ${after}` : after] }];
  }
  return [];
}

export function noticeMessages(notice: Notice | null): Message[] {
  return notice ? [{ tone: notice.tone, lines: notice.text.split('\n') }] : [];
}

/** Keeps the first messages whole until maxLines; the rest is dropped so the frame height stays known. */
export function fitMessages(messages: readonly Message[], maxLines: number): Message[] {
  const kept: Message[] = [];
  let used = 0;
  for (const message of messages) {
    const room = maxLines - used;
    if (room <= 0) break;
    const lines = message.lines.slice(0, room);
    kept.push({ ...message, lines });
    used += lines.length;
  }
  return kept;
}

export function lineCount(messages: readonly Message[]): number {
  return messages.reduce((n, m) => n + m.lines.length, 0);
}
