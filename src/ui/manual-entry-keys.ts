import type { KeyCommands, KeySnapshot } from './key-dispatch.js';
import { submitManualText } from './state/manual-entry-state.js';

/** i on the list: the field keeps what was typed last time, else starts with the selection. */
export function openManualEntry(s: KeySnapshot, c: KeyCommands): void {
  const { text } = s.app.manual;
  const seed = text.trim() === '' && s.app.selection.length > 0 ? `${s.app.selection.join(' ')} ` : undefined;
  c.dispatch({ type: 'manual', action: { type: 'open', text: seed } });
}

/** Enter in the field: every rule is checked, the unfinished last ID included, before any request. */
export function submitManualEntry(s: KeySnapshot, c: KeyCommands): void {
  if (s.token.status === 'requesting') return;
  const { ids, problem } = submitManualText(s.app.manual.text);
  if (problem) {
    c.dispatch({ type: 'notice', notice: { tone: 'error', text: problem } });
    return;
  }
  c.dispatch({ type: 'notice', notice: null });
  c.requestToken(ids, 'list');
}

/** Esc in the field: cancels a request in flight first, then goes back to the list (the text is kept). */
export function manualBack(s: KeySnapshot, c: KeyCommands): void {
  if (s.token.status === 'requesting') {
    c.cancelToken();
    return;
  }
  if (s.token.status === 'failed') c.dismissTokenError();
  c.dispatch({ type: 'notice', notice: null });
  c.dispatch({ type: 'manual', action: { type: 'close' } });
}
