import type { Key } from 'ink';
import { handleKey, keyScreen, type KeyCommands, type KeySnapshot } from './key-dispatch.js';
import { keyForChar, splitKeys } from './split-keys.js';

/** Control characters that are keys even inside a paste (Ctrl-C, Ctrl-R, Backspace…); tab and line breaks are text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const SEGMENTS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]+/gu;

/**
 * One stdin chunk as Ink hands it over. Outside text fields it is split into key presses
 * (`jjj`, `/fin⏎`). Once the cluster-ID field is open, the printable runs of a multi-character
 * chunk are a paste: typed as text in one go, line breaks separating IDs instead of pressing
 * Enter. Control characters in the chunk (Ctrl-C, Ctrl-R, Backspace) still act as keys.
 */
export function handleInputChunk(
  input: string,
  key: Key,
  snapshot: () => KeySnapshot,
  commands: KeyCommands,
  finished: () => boolean,
): void {
  const keys = splitKeys(input, key);
  const chars = [...input];
  for (let i = 0; i < keys.length; i++) {
    if (finished()) return;
    const s = snapshot();
    if (keys.length > 1 && keyScreen(s.app) === 'manual') {
      pasteIntoField(chars.slice(i).join(''), snapshot, commands, finished);
      return;
    }
    const [char, charKey] = keys[i] as [string, Key];
    handleKey(s, commands, char, charKey);
  }
}

function pasteIntoField(text: string, snapshot: () => KeySnapshot, commands: KeyCommands, finished: () => boolean): void {
  for (const segment of text.match(SEGMENTS) ?? []) {
    if (finished()) return;
    const s = snapshot();
    if (CONTROL.test(segment) || keyScreen(s.app) !== 'manual') {
      // a key, or the field has closed: the rest goes key by key
      for (const ch of segment) {
        if (finished()) return;
        handleKey(snapshot(), commands, ...keyForChar(ch));
      }
    } else {
      commands.dispatch({ type: 'manual', action: { type: 'type', text: segment } });
    }
  }
}
