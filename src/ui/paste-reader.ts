/** Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in these two sequences. */
export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';

/** Most of one paste that is kept; the rest is only noted as cut (no field takes more than 4096). */
export const PASTE_KEPT = 16_384;

export type PasteEvent =
  /** Not part of a paste: a key press (or keys typed fast), handled as such. */
  | { kind: 'key' }
  /** A piece of a paste still arriving, or its start: kept, nothing to do yet. */
  | { kind: 'inside' }
  /** The paste is complete: one edit. `cut` when more arrived than PASTE_KEPT. */
  | { kind: 'pasted'; text: string; cut: boolean }
  /** Ctrl-C inside a paste (or a paste that never ends): the paste is dropped and Ctrl-C acts. */
  | { kind: 'interrupted' };

const KEY: PasteEvent = { kind: 'key' };
const INSIDE: PasteEvent = { kind: 'inside' };
const INTERRUPTED: PasteEvent = { kind: 'interrupted' };

export interface PasteReader {
  /** One input event as Ink's parser splits stdin: a run of text, or one escape sequence. */
  read(event: string): PasteEvent;
}

/**
 * Gathers a bracketed paste from the input events between its start and end, keeping at most
 * `keep` characters, so that a paste of any size costs one pass over it and one edit.
 */
export function createPasteReader(keep = PASTE_KEPT): PasteReader {
  let open = false;
  let parts: string[] = [];
  let kept = 0;
  let cut = false;
  return {
    read(event) {
      if (!open) {
        if (event !== PASTE_START) return KEY;
        open = true;
        parts = [];
        kept = 0;
        cut = false;
        return INSIDE;
      }
      if (event === PASTE_END) {
        open = false;
        const text = parts.join('');
        parts = [];
        return { kind: 'pasted', text, cut };
      }
      if (event.includes('\u0003')) {
        open = false;
        parts = [];
        return INTERRUPTED;
      }
      // Escape sequences inside a paste are neither text nor keys.
      if (event.startsWith('\u001B')) return INSIDE;
      if (kept >= keep) {
        cut = true;
        return INSIDE;
      }
      const piece = event.length > keep - kept ? event.slice(0, keep - kept) : event;
      if (piece.length < event.length) cut = true;
      parts.push(piece);
      kept += piece.length;
      return INSIDE;
    },
  };
}
