/** What the lifecycle root (which owns the terminal) lets the screen do with it. */
export interface TerminalControl {
  /** Ctrl-Z: gives the terminal back to the shell and stops until `fg`; absent where job control does not exist. */
  suspend?: () => void;
  /** Subscribes to the terminal being given back (fg, SIGCONT): the whole frame must be drawn again. */
  onResume(listener: () => void): () => void;
}
