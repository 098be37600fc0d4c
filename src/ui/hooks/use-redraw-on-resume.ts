import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { TerminalControl } from '../terminal-control.js';

/**
 * After `fg` the screen is blank (or shows the shell): Ink only writes what changed, so it is
 * told to draw the last frame again whole. Its write() clears what it believes is on screen,
 * writes nothing, and puts the frame back.
 */
export function useRedrawOnResume(terminal: TerminalControl | undefined): void {
  const { write } = useStdout();
  useEffect(() => terminal?.onResume(() => write('')), [terminal, write]);
}
