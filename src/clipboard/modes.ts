/** --clipboard: how `c` copies. auto picks the system clipboard on a desktop, OSC 52 over SSH or without a display. */
export const CLIPBOARD_MODES = ['auto', 'system', 'osc52', 'off'] as const;
export type ClipboardMode = (typeof CLIPBOARD_MODES)[number];

/** --clipboard-clear-after default, in seconds. */
export const DEFAULT_CLEAR_AFTER_SECONDS = 45;
