export type CopyMethod = 'system' | 'osc52' | 'tmux';

export interface CopyResult {
  method: CopyMethod;
  /** false for OSC 52: the terminal never confirms that it took the text. */
  confirmed: boolean;
}

/** One small interface the UI copies through; the real ones live beside this file. */
export interface Clipboard {
  /** Throws AppError with a plain reason when no way to copy works. */
  copy(text: string): Promise<CopyResult>;
}
