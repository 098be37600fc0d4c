export type CopyMethod = 'system' | 'osc52' | 'tmux';

export interface CopyResult {
  method: CopyMethod;
  /** false for OSC 52: the terminal never confirms that it took the text. */
  confirmed: boolean;
  /** How exactly, in a few words for the screen (e.g. "tmux set-clipboard on"). */
  detail?: string;
  /**
   * Whether clearIfUnchanged can check and clear what this copy left behind. false for plain
   * OSC 52: a terminal's clipboard cannot be read back. Absent means yes when clearIfUnchanged exists.
   */
  clearable?: boolean;
}

export type ClearResult =
  /** It still held our text and is now empty. */
  | { kind: 'cleared'; detail?: string }
  /** It holds something else now (the user copied since): left alone. */
  | { kind: 'changed' }
  /** Cannot be read back (OSC 52), so it was left alone; detail says what was cleaned up anyway. */
  | { kind: 'unverifiable'; detail?: string }
  | { kind: 'failed'; reason: string };

/** One small interface the UI copies through; the real ones live beside this file. */
export interface Clipboard {
  /** --clipboard off: copy always refuses, and the screen says so up front. */
  readonly off?: true;
  /** Throws AppError with a plain reason when no way to copy works. */
  copy(text: string): Promise<CopyResult>;
  /**
   * Empties what the copy by `method` filled, but only if it still holds text whose SHA-256 (hex)
   * is `sha256`: never wipes what the user copied since.
   */
  clearIfUnchanged?(sha256: string, method: CopyMethod): Promise<ClearResult>;
  /** Whether it still holds text with this SHA-256; undefined when it cannot be read back. */
  holds?(sha256: string, method: CopyMethod): Promise<boolean | undefined>;
  /** Sends an empty clipboard without a check: only when the user asks for it (OSC 52). */
  forceClear?(method: CopyMethod): Promise<void>;
}
