import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Errors a terminal that went away gives (closed window, SSH drop, tmux kill-session): writes fail with EIO, or EPIPE/ENXIO. */
export function isTerminalLoss(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EIO' || code === 'EPIPE' || code === 'ENXIO';
}

/** Standard descriptors that are terminals now: the ones to let go of if the terminal is lost. */
export function terminalStdio(): number[] {
  return [0, 1, 2].filter((fd) => isatty(fd));
}

/**
 * Lets go of standard descriptors that were the lost terminal. Node restores the terminal modes of
 * stdin, stdout and stderr as it exits, and a hung-up terminal fails that with EIO, which Node
 * takes for a bug and aborts on (SIGSEGV in ResetStdio); it skips descriptors that are closed.
 * Only for the moment before exit: nothing may write to them afterwards.
 */
export function releaseLostTerminal(fds: readonly number[]): void {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}
