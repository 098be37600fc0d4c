import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const CLEAR_SCREEN = '\u001B[2J\u001B[H';
const SHOW_CURSOR = '\u001B[?25h';
const HIDE_CURSOR = '\u001B[?25l';
/** Bracketed paste (mode 2004): the terminal marks pasted text, so a paste is never read as keys. */
const PASTE_MARKS_ON = '\u001B[?2004h';
const PASTE_MARKS_OFF = '\u001B[?2004l';

export interface TerminalScreen {
  /** Raw mode, the alternate screen, bracketed paste, no cursor; again after restore (fg after Ctrl-Z). */
  enter(): void;
  /** Idempotent, safe from every exit path: raw mode, bracketed paste and the alternate screen off, cursor shown. */
  restore(): void;
  /** After a stop it did not ask for (SIGSTOP, then SIGCONT): takes the terminal again, on a cleared screen. */
  reclaim(): void;
  /** The terminal is gone (hung up): nothing is written to it or asked of it any more. */
  abandon(): void;
  /** Whether the terminal is still there: a hung-up terminal no longer answers as one. */
  alive(): boolean;
}

type Stream = { fd?: number; isTTY?: boolean };

/** Alternate screen, raw mode, bracketed paste and cursor handling on a terminal's file descriptors. */
export function terminalScreen(stream: NodeJS.WriteStream & { fd?: number }, stdin?: NodeJS.ReadStream): TerminalScreen {
  let active = false;
  let gone = false;
  const write = (text: string) => {
    if (gone) return;
    try {
      if (typeof stream.fd === 'number') writeSync(stream.fd, text);
      else stream.write(text);
    } catch {
      // the terminal may already be gone (SIGHUP)
    }
  };
  const setRaw = (on: boolean) => {
    if (gone) return;
    try {
      if (stdin?.isTTY && stdin.isRaw !== on) stdin.setRawMode(on);
    } catch {
      // not a terminal after all (Ink reports it), or a closed one
    }
  };
  const isTerminal = (s: Stream | undefined) => s === undefined || typeof s.fd !== 'number' || !s.isTTY || isatty(s.fd);
  return {
    enter() {
      if (active || gone) return;
      active = true;
      // Raw from the start, not from when Ink's input hook runs (just after the first frame): a key
      // pressed as the screen appears then arrives as pressed (Enter as CR, not as a cooked LF
      // that Ink does not read as Enter) and is not echoed over the screen.
      setRaw(true);
      write(ENTER_ALT_SCREEN + HIDE_CURSOR + PASTE_MARKS_ON);
    },
    restore() {
      if (!active) return;
      active = false;
      setRaw(false);
      write(PASTE_MARKS_OFF + SHOW_CURSOR + LEAVE_ALT_SCREEN);
    },
    reclaim() {
      if (!active) return;
      setRaw(true);
      write(ENTER_ALT_SCREEN + CLEAR_SCREEN + HIDE_CURSOR + PASTE_MARKS_ON);
    },
    abandon() {
      gone = true;
      active = false;
    },
    alive() {
      return !gone && isTerminal(stream) && isTerminal(stdin as Stream | undefined);
    },
  };
}
