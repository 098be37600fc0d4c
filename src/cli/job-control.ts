import type { TerminalScreen } from './terminal-screen.js';

export interface JobControl {
  /** Ctrl-Z; absent where there is no job control (Windows). */
  suspend?: () => void;
  dispose(): void;
}

/**
 * Ctrl-Z (which raw mode delivers as a key) and SIGTSTP, as vim and less handle them: give the
 * terminal back as it was (raw mode, bracketed paste and the alternate screen off, cursor shown),
 * stop, and after `fg` take it again and redraw. SIGCONT after a stop by someone else (SIGSTOP)
 * takes the terminal again too.
 */
export function jobControl(screen: TerminalScreen, resumed: () => void, platform: NodeJS.Platform = process.platform): JobControl {
  if (platform === 'win32') return { dispose() {} };
  const onSigtstp = () => suspend();
  const onSigcont = () => {
    screen.reclaim();
    resumed();
  };
  function suspend(): void {
    screen.restore();
    // Without a listener SIGTSTP has its default action again: the process stops inside kill()
    // and kill() returns after fg. (In an orphaned process group the kernel drops the signal and
    // kill() returns at once: the screen simply comes back.) After `bg` instead of `fg`, setting
    // raw mode again from the background stops the process (SIGTTOU) until it is brought back.
    process.off('SIGTSTP', onSigtstp);
    try {
      process.kill(process.pid, 'SIGTSTP');
    } finally {
      process.on('SIGTSTP', onSigtstp);
    }
    screen.enter();
    resumed();
  }
  process.on('SIGTSTP', onSigtstp);
  process.on('SIGCONT', onSigcont);
  return {
    suspend,
    dispose() {
      process.off('SIGTSTP', onSigtstp);
      process.off('SIGCONT', onSigcont);
    },
  };
}
