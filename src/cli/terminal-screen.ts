import { writeSync } from 'node:fs';

const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export interface TerminalScreen {
  enter(): void;
  /** Idempotent: safe to call from every exit path. */
  restore(): void;
}

/** Alternate screen and cursor handling on a terminal file descriptor. */
export function terminalScreen(stream: NodeJS.WriteStream & { fd?: number }, stdin?: NodeJS.ReadStream): TerminalScreen {
  let active = false;
  const write = (text: string) => {
    try {
      if (typeof stream.fd === 'number') writeSync(stream.fd, text);
      else stream.write(text);
    } catch {
      // the terminal may already be gone (SIGHUP)
    }
  };
  return {
    enter() {
      if (active) return;
      active = true;
      // Raw from the start, not from when Ink's input hook runs (just after the first frame): a key
      // pressed as the screen appears then arrives as pressed (Enter as CR, not as a cooked LF
      // that Ink does not read as Enter) and is not echoed over the screen.
      try {
        if (stdin?.isTTY && !stdin.isRaw) stdin.setRawMode(true);
      } catch {
        // not a terminal after all: Ink reports it
      }
      write(ENTER_ALT_SCREEN);
    },
    restore() {
      if (!active) return;
      active = false;
      try {
        if (stdin?.isTTY && stdin.isRaw) stdin.setRawMode(false);
      } catch {
        // ignore: the tty may be closed
      }
      write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    },
  };
}
