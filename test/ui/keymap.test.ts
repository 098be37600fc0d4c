import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { footerEntries, helpSections, KEYMAP, matchAction, type KeyScreen } from '../../src/ui/keymap.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (overrides: Partial<Key>): Key => ({ ...noKey, ...overrides });

describe('matchAction', () => {
  it.each<[KeyScreen, string, Partial<Key>, string | undefined]>([
    ['list', '', { upArrow: true }, 'cursorUp'],
    ['list', 'k', {}, 'cursorUp'],
    ['list', '', { downArrow: true }, 'cursorDown'],
    ['list', 'j', {}, 'cursorDown'],
    ['list', '', { pageDown: true }, 'pageDown'],
    ['list', '', { pageUp: true }, 'pageUp'],
    ['list', '', { home: true }, 'home'],
    ['list', '', { end: true }, 'end'],
    ['list', ' ', {}, 'toggle'],
    ['list', 'a', {}, 'selectAll'],
    ['list', '/', {}, 'filter'],
    ['list', '', { return: true }, 'requestToken'],
    ['list', '', { escape: true, meta: true }, 'listEscape'],
    ['list', 'r', { ctrl: true }, 'reload'],
    ['list', 'r', {}, undefined],
    ['list', 'c', {}, undefined],
    ['list', '?', {}, 'help'],
    ['list', 'q', {}, 'quit'],
    ['list', 'c', { ctrl: true }, 'cancel'],
    ['list', 'i', {}, undefined],
    ['list', 'P', { shift: true }, undefined],
    ['list', 's', {}, undefined],
    ['filter', 'q', {}, undefined],
    ['filter', '?', {}, undefined],
    ['filter', 'a', {}, undefined],
    ['filter', '', { return: true }, 'filterKeep'],
    ['filter', '', { escape: true, meta: true }, 'filterClear'],
    ['filter', '', { backspace: true }, 'filterBackspace'],
    ['filter', '', { delete: true }, 'filterBackspace'],
    ['filter', 'c', { ctrl: true }, 'cancel'],
    ['token', 'c', {}, 'copy'],
    ['token', 'C', { shift: true }, undefined],
    ['token', 'r', {}, 'refresh'],
    ['token', 'v', {}, 'reveal'],
    ['token', '', { return: true }, 'finish'],
    ['token', '', { escape: true, meta: true }, 'back'],
    ['token', ' ', {}, undefined],
    ['token', 'q', {}, 'quit'],
    ['token', 'c', { ctrl: true }, 'cancel'],
    ['help', 'q', {}, undefined],
    ['help', 'c', { ctrl: true }, 'cancel'],
    ['list', 'q', { meta: true }, undefined],
  ])('%s: %j %o → %s', (screen, input, k, action) => {
    expect(matchAction(screen, input, key(k))).toBe(action);
  });
});

describe('footer and help come from the keymap', () => {
  it('footer of the list', () => {
    expect(footerEntries('list').map((e) => `${e.keys} ${e.text}`)).toEqual([
      '↑↓ move',
      'Space select',
      'a all',
      '/ filter',
      'Enter token',
      'Ctrl-R reload',
      '? help',
      'q quit',
    ]);
  });

  it('footer of the token screen', () => {
    expect(footerEntries('token').map((e) => e.text)).toEqual(['copy', 'refresh', 'reveal', 'done', 'back', 'help', 'quit']);
  });

  it('footer of the filter leaves out printable global keys', () => {
    expect(footerEntries('filter').map((e) => e.text)).toEqual(['keep', 'clear', 'delete']);
  });

  it('help lists every implemented binding once and no planned one', () => {
    const listed = helpSections().flatMap((s) => s.bindings);
    expect(listed).toEqual(KEYMAP.filter((b) => !b.planned));
    expect(listed.some((b) => b.planned)).toBe(false);
  });

  it('each action is bound once per screen', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP) {
      const id = `${b.screen}:${b.action}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
    }
  });
});
