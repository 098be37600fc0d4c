import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { footerEntries, helpSections, KEYMAP, matchAction, type KeyScreen } from '../../src/ui/keymap.js';
import { NO_KEY } from '../../src/ui/split-keys.js';

const key = (overrides: Partial<Key>): Key => ({ ...NO_KEY, ...overrides });

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
    ['list', 'i', {}, 'manualEntry'],
    ['manual', 'q', {}, undefined],
    ['manual', 'i', {}, undefined],
    ['manual', '', { return: true }, 'manualSubmit'],
    ['manual', '', { escape: true, meta: true }, 'manualBack'],
    ['manual', 'r', { ctrl: true }, 'reload'],
    ['manual', 'u', { ctrl: true }, 'manualClear'],
    ['manual', 'c', { ctrl: true }, 'cancel'],
    ['list', 'P', { shift: true }, 'pickProfile'],
    ['list', 'R', { shift: true }, 'pickRegion'],
    ['list', 's', {}, 'sort'],
    ['list', 'd', {}, 'detail'],
    ['token', 'a', {}, 'autoRefresh'],
    ['picker', 'q', {}, undefined],
    ['picker', '', { return: true }, 'pickerChoose'],
    ['picker', '', { escape: true, meta: true }, 'pickerClose'],
    ['picker', 'c', { ctrl: true }, 'cancel'],
    ['filter', 'q', {}, undefined],
    ['filter', '?', {}, undefined],
    ['filter', 'a', {}, undefined],
    ['filter', '', { return: true }, 'filterKeep'],
    ['filter', '', { escape: true, meta: true }, 'filterClear'],
    ['filter', '', { backspace: true }, 'filterBackspace'],
    ['filter', '', { delete: true }, 'filterBackspace'],
    ['filter', 'c', { ctrl: true }, 'cancel'],
    ['token', 'c', {}, 'copy'],
    ['token', 'C', { shift: true }, 'copyAs'],
    ['token', 'x', {}, 'clearClipboard'],
    ['copyMenu', '', { downArrow: true }, 'menuDown'],
    ['copyMenu', 'k', {}, 'menuUp'],
    ['copyMenu', '3', {}, 'menuChoose'],
    ['copyMenu', '5', {}, undefined],
    ['copyMenu', '', { return: true }, 'menuPick'],
    ['copyMenu', '', { rightArrow: true }, 'menuNextCluster'],
    ['copyMenu', '', { leftArrow: true }, 'menuPrevCluster'],
    ['copyMenu', '', { escape: true, meta: true }, 'menuClose'],
    ['copyMenu', 'c', {}, undefined],
    ['copyMenu', 'q', {}, 'quit'],
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
      'i IDs',
      'Ctrl-R reload',
      '? help',
      'q quit',
    ]);
  });

  it('footer of the token screen', () => {
    expect(footerEntries('token').map((e) => e.text)).toEqual(['copy', 'copy as', 'refresh', 'reveal', 'auto', 'done', 'back', 'help', 'quit']);
  });

  it('footer of the cluster-ID field leaves out printable global keys', () => {
    expect(footerEntries('manual').map((e) => e.text)).toEqual(['token', 'back', 'delete', 'retry list']);
  });

  it('footer of the copy-as menu', () => {
    expect(footerEntries('copyMenu').map((e) => `${e.keys} ${e.text}`)).toEqual(['↑↓ choose', 'Enter copy', '←→ cluster', 'Esc close', '? help', 'q quit']);
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
