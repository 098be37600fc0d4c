export type CursorMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

export interface ListWindow {
  offset: number;
  cursor: number;
  /** First visible index. */
  start: number;
  /** One past the last visible index. */
  end: number;
}

export function clampCursor(cursor: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(Math.max(cursor, 0), total - 1);
}

/** The scroll offset closest to the previous one that keeps the cursor on screen and the window full. */
export function scrollOffset(offset: number, cursor: number, height: number, total: number): number {
  const rows = Math.max(1, height);
  const maxOffset = Math.max(0, total - rows);
  const c = clampCursor(cursor, total);
  let next = Math.min(Math.max(offset, 0), maxOffset);
  if (c < next) next = c;
  if (c >= next + rows) next = c - rows + 1;
  return next;
}

export function listWindow(offset: number, cursor: number, height: number, total: number): ListWindow {
  const c = clampCursor(cursor, total);
  const start = scrollOffset(offset, c, height, total);
  return { offset: start, cursor: c, start, end: Math.min(total, start + Math.max(1, height)) };
}

export function moveCursor(cursor: number, move: CursorMove, total: number, height: number): number {
  const page = Math.max(1, height);
  const c = clampCursor(cursor, total);
  switch (move) {
    case 'up':
      return clampCursor(c - 1, total);
    case 'down':
      return clampCursor(c + 1, total);
    case 'pageUp':
      return clampCursor(c - page, total);
    case 'pageDown':
      return clampCursor(c + page, total);
    case 'home':
      return 0;
    case 'end':
      return clampCursor(total - 1, total);
  }
}
