import { openSync } from 'node:fs';
import tty from 'node:tty';
import { AppError } from '../domain/errors.js';

export interface ControllingTerminal {
  stdin: tty.ReadStream;
  stdout: tty.WriteStream;
  close(): void;
}

/**
 * The terminal the user is at, even when stdout is a pipe (`idc-tui | jq`): the TUI draws on it
 * and the result goes to stdout.
 */
export function openControllingTerminal(): ControllingTerminal {
  let inFd: number;
  let outFd: number;
  try {
    inFd = openSync('/dev/tty', 'r');
    outFd = openSync('/dev/tty', 'w');
  } catch {
    throw new AppError('usage', 'stdout is not a terminal and there is no terminal (/dev/tty) to draw the picker on.', {
      hint: 'In scripts pass --cluster-ids ID… (with --output json|text|table) to get a token without the picker.',
    });
  }
  const stdin = new tty.ReadStream(inFd);
  const stdout = new tty.WriteStream(outFd);
  return {
    stdin,
    stdout,
    close() {
      stdin.destroy();
      stdout.destroy();
    },
  };
}
