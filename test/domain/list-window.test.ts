import { describe, expect, it } from 'vitest';
import { clampCursor, listWindow, moveCursor, scrollOffset, type CursorMove } from '../../src/domain/list-window.js';

describe('clampCursor', () => {
  it.each([
    [0, 0, 0],
    [5, 0, 0],
    [-1, 10, 0],
    [3, 10, 3],
    [12, 10, 9],
  ])('cursor %i of %i → %i', (cursor, total, expected) => {
    expect(clampCursor(cursor, total)).toBe(expected);
  });
});

describe('scrollOffset', () => {
  it.each([
    { name: 'cursor visible: offset unchanged', offset: 5, cursor: 7, height: 10, total: 100, expected: 5 },
    { name: 'cursor above: scroll up to it', offset: 5, cursor: 3, height: 10, total: 100, expected: 3 },
    { name: 'cursor below: scroll so it is the last row', offset: 0, cursor: 10, height: 10, total: 100, expected: 1 },
    { name: 'list shorter than the window', offset: 4, cursor: 2, height: 10, total: 6, expected: 0 },
    { name: 'never scrolls past the end', offset: 95, cursor: 99, height: 10, total: 100, expected: 90 },
    { name: 'window shrinks: cursor stays visible', offset: 0, cursor: 15, height: 5, total: 100, expected: 11 },
    { name: 'empty list', offset: 3, cursor: 0, height: 10, total: 0, expected: 0 },
    { name: 'height below 1 is one row', offset: 0, cursor: 4, height: 0, total: 10, expected: 4 },
  ])('$name', ({ offset, cursor, height, total, expected }) => {
    expect(scrollOffset(offset, cursor, height, total)).toBe(expected);
  });
});

describe('listWindow', () => {
  it.each([
    { offset: 0, cursor: 0, height: 10, total: 100, window: { offset: 0, cursor: 0, start: 0, end: 10 } },
    { offset: 0, cursor: 25, height: 10, total: 100, window: { offset: 16, cursor: 25, start: 16, end: 26 } },
    { offset: 0, cursor: 120, height: 10, total: 100, window: { offset: 90, cursor: 99, start: 90, end: 100 } },
    { offset: 0, cursor: 0, height: 10, total: 3, window: { offset: 0, cursor: 0, start: 0, end: 3 } },
    { offset: 2, cursor: 0, height: 10, total: 0, window: { offset: 0, cursor: 0, start: 0, end: 0 } },
  ])('cursor $cursor, height $height, total $total', ({ offset, cursor, height, total, window }) => {
    expect(listWindow(offset, cursor, height, total)).toEqual(window);
  });

  it('always holds the cursor and at most height rows', () => {
    for (let total = 0; total < 30; total += 7) {
      for (let height = 1; height < 12; height += 3) {
        for (let cursor = 0; cursor < total; cursor += 2) {
          const w = listWindow(0, cursor, height, total);
          expect(w.end - w.start).toBeLessThanOrEqual(height);
          expect(w.cursor).toBeGreaterThanOrEqual(w.start);
          expect(w.cursor).toBeLessThan(w.end);
        }
      }
    }
  });
});

describe('moveCursor', () => {
  it.each<[CursorMove, number, number, number, number]>([
    ['down', 0, 10, 5, 1],
    ['down', 9, 10, 5, 9],
    ['up', 0, 10, 5, 0],
    ['up', 4, 10, 5, 3],
    ['pageDown', 2, 10, 5, 7],
    ['pageDown', 7, 10, 5, 9],
    ['pageUp', 7, 10, 5, 2],
    ['pageUp', 3, 10, 5, 0],
    ['home', 6, 10, 5, 0],
    ['end', 1, 10, 5, 9],
    ['down', 0, 0, 5, 0],
    ['end', 0, 0, 5, 0],
  ])('%s from %i (total %i, page %i) → %i', (move, cursor, total, height, expected) => {
    expect(moveCursor(cursor, move, total, height)).toBe(expected);
  });
});
