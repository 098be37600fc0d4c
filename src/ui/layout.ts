/** Lines the message area may take; more messages than this are cut. */
export const MAX_MESSAGE_LINES = 3;

/**
 * Ink clears the whole screen on every frame once the frame is as tall as the terminal, so every
 * screen leaves one line free: header, body, messages, footer and this spare line.
 */
const HEADER = 1;
const FOOTER = 1;
const SPARE = 1;

export function bodyHeight(rows: number, messageLines: number): number {
  return Math.max(1, rows - HEADER - FOOTER - SPARE - messageLines);
}

/** Rows of clusters on the list screen: its body less the column titles and the filter line. */
export function tableHeight(rows: number, messageLines: number): number {
  return Math.max(1, bodyHeight(rows, messageLines) - 2);
}
