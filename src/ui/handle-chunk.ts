import type { Key } from 'ink';
import { handleKey, keyScreen, type KeyCommands, type KeySnapshot } from './key-dispatch.js';
import type { PasteEvent } from './paste-reader.js';
import { isKeyRun, keyForChar } from './split-keys.js';
import { pasteInto, TEXT_RUN, textField, typeInto } from './text-fields.js';

/**
 * One input event from Ink, with what the bracketed-paste reader made of it: a paste is one edit
 * (or ignored where keys are commands), never a run of key presses.
 */
export function handleInputEvent(
  paste: PasteEvent,
  input: string,
  key: Key,
  snapshot: () => KeySnapshot,
  commands: KeyCommands,
  finished: () => boolean,
): void {
  if (paste.kind === 'inside' || finished()) return;
  if (paste.kind === 'pasted') pasteInto(snapshot(), commands, paste);
  else if (paste.kind === 'interrupted') handleKey(snapshot(), commands, ...keyForChar('\u0003'));
  else handleInputChunk(input, key, snapshot, commands, finished);
}

/**
 * More characters at once than typing or key repeat deliver, even while the app is busy for a
 * while: a paste the terminal did not mark (no bracketed paste), which is not read as keys either.
 */
const UNMARKED_PASTE = 128;

/**
 * One stdin chunk as Ink hands it over. Outside text fields it is split into key presses
 * (`jjj`, `/fin⏎`). In a text field (the filter, the `i` field, a picker) each run of text is
 * typed in one edit, so a long chunk (a paste the terminal did not bracket) costs one pass and
 * one re-filter, not one per character; control characters in it (Enter, Ctrl-C, Backspace)
 * still act as keys, except line breaks and tabs in the `i` field, which separate IDs there. A
 * chunk too long to be typed is a paste where keys are commands: ignored there, with a notice.
 */
export function handleInputChunk(
  input: string,
  key: Key,
  snapshot: () => KeySnapshot,
  commands: KeyCommands,
  finished: () => boolean,
): void {
  if (!isKeyRun(input, key)) {
    if (!finished()) handleKey(snapshot(), commands, input, key);
    return;
  }
  if (input.length > UNMARKED_PASTE) {
    const s = snapshot();
    if (!textField(keyScreen(s.app))) {
      if (input.includes('\u0003')) handleKey(s, commands, ...keyForChar('\u0003'));
      else pasteInto(s, commands, { kind: 'pasted', text: input, cut: false });
      return;
    }
  }
  let i = 0;
  while (i < input.length) {
    if (finished()) return;
    const s = snapshot();
    const field = textField(keyScreen(s.app));
    if (field) {
      const run = TEXT_RUN[field];
      run.lastIndex = i;
      const text = run.exec(input)?.[0];
      if (text) {
        commands.dispatch(typeInto(field, text));
        i += text.length;
        continue;
      }
    }
    const ch = String.fromCodePoint(input.codePointAt(i) ?? 0);
    handleKey(s, commands, ...keyForChar(ch));
    i += ch.length;
  }
}
