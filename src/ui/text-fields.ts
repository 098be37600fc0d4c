import type { KeyCommands, KeySnapshot } from './key-dispatch.js';
import { keyScreen } from './key-dispatch.js';
import type { KeyScreen } from './keymap.js';
import type { AppAction } from './state/app-state.js';
import { MANUAL_TEXT_LIMIT } from './state/manual-entry-state.js';
import { FILTER_TEXT_LIMIT, typedText } from './state/typed-text.js';
import type { PasteEvent } from './paste-reader.js';

/** The places that take typed and pasted text: the list's filter, the `i` field, the pickers' filter. */
export type TextField = 'filter' | 'manual' | 'picker';

export function textField(screen: KeyScreen): TextField | undefined {
  return screen === 'filter' || screen === 'manual' || screen === 'picker' ? screen : undefined;
}

/**
 * A run of characters that the field takes as text in one edit. The `i` field takes line breaks
 * and tabs too (they separate IDs); in a filter they stay keys (Enter keeps the filter).
 */
export const TEXT_RUN: Readonly<Record<TextField, RegExp>> = {
  manual: /[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]+/uy,
  filter: /[^\u0000-\u001F\u007F]+/uy,
  picker: /[^\u0000-\u001F\u007F]+/uy,
};

/** The edit that types `text` into the field. */
export function typeInto(field: TextField, text: string): AppAction {
  switch (field) {
    case 'filter':
      return { type: 'filterType', text };
    case 'manual':
      return { type: 'manual', action: { type: 'type', text } };
    case 'picker':
      return { type: 'workspace', action: { type: 'pickerType', text } };
  }
}

const LIMITS: Readonly<Record<TextField, { limit: number; name: string }>> = {
  filter: { limit: FILTER_TEXT_LIMIT, name: 'the filter' },
  manual: { limit: MANUAL_TEXT_LIMIT, name: 'the cluster ID field' },
  picker: { limit: FILTER_TEXT_LIMIT, name: 'the filter' },
};

function fieldText(s: KeySnapshot, field: TextField): string {
  if (field === 'filter') return s.app.filterText;
  if (field === 'manual') return s.app.manual.text;
  return s.app.workspace.picker?.filter ?? '';
}

/**
 * A bracketed paste: one edit in a text field; on the list and the token screen, where keys are
 * commands, it is never read as keys (pasting "overview" must not reveal and refresh the token).
 */
export function pasteInto(s: KeySnapshot, c: KeyCommands, paste: Extract<PasteEvent, { kind: 'pasted' }>): void {
  const screen = keyScreen(s.app);
  const field = textField(screen);
  if (!field) {
    const where = screen === 'list' ? 'on the list keys are commands: / filters, i takes cluster IDs' : 'keys are commands here';
    c.dispatch({ type: 'notice', notice: { tone: 'warning', text: `Pasted text ignored: ${where}.` } });
    return;
  }
  const { limit, name } = LIMITS[field];
  c.dispatch(typeInto(field, paste.text));
  if (paste.cut || fieldText(s, field).length + typedText(paste.text).length > limit) {
    c.dispatch({ type: 'notice', notice: { tone: 'warning', text: `Pasted text cut to ${limit} characters, the most ${name} takes.` } });
  }
}
