import type { Key } from 'ink';

/** Ink's Key with nothing pressed. */
export const NO_KEY: Key = {
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

/** The key Ink would report for this character had it arrived on its own. */
export function keyForChar(ch: string): [string, Key] {
  if (ch === '\r') return ['', { ...NO_KEY, return: true }];
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\b') return ['', { ...NO_KEY, backspace: true }];
  if (ch === '\u007F') return ['', { ...NO_KEY, delete: true }];
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return [ch, { ...NO_KEY, shift: /^[A-Z]$/u.test(ch) }];
}

function isPlain(key: Key): boolean {
  return !Object.entries(key).some(([name, on]) => on === true && name !== 'shift');
}

/** Whether Ink handed over several characters that arrived together rather than one key press. */
export function isKeyRun(input: string, key: Key): boolean {
  const first = input.codePointAt(0);
  return first !== undefined && input.length > (first > 0xffff ? 2 : 1) && isPlain(key);
}
