/**
 * Text from a server or a file, made safe to draw on a terminal: every C0 control (line breaks and
 * tabs too), DEL, every C1 control and the bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) become a visible escape, `\x1b` or `\u202e` (lowercase hex), so no string can
 * move the cursor, set the window title or the clipboard (OSC 0, OSC 52), add links (OSC 8),
 * reorder what follows it or pose as another line. ESC is U+001B, a C0 control.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The same without the line feed: for multi-line text such as --debug output. */
const UNSAFE_BUT_LF_ALL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** What our own styling adds (SGR: colours, bold, dim, inverse) or anything unsafe that is not SGR. */
const UNSAFE_BUT_SGR = /[\u0000-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\u001b(?!\[[0-9;]*m)/u;
const SGR_OR_UNSAFE_ALL = /\u001b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character shown as an escape; the same string when there is none (the usual case). */
export function terminalText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escape) : text;
}

/** As terminalText, but line feeds stay: lines of a log, a stack trace. */
export function terminalLines(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_BUT_LF_ALL, escape) : text;
}

/**
 * A line we styled ourselves from text already made safe: its SGR sequences (ESC [ digits ; m)
 * stay, anything else unsafe is escaped. The guard behind pre-styled lines: a cell that skipped
 * terminalText shows as escapes, not as terminal commands.
 */
export function terminalStyledText(text: string): string {
  return UNSAFE_BUT_SGR.test(text) ? text.replace(SGR_OR_UNSAFE_ALL, (m) => (m.length > 1 ? m : escape(m))) : text;
}

const ESCAPE_AT = /\\(?:x[0-9a-f]{2}|u[0-9a-f]{4})/y;
const LONGEST_ESCAPE = 6;

/**
 * Where to cut escaped text at most `at` characters long: `at`, or earlier so that an escape such
 * as `\x1b` is kept whole or left out, never cut in half.
 */
export function cutIndex(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const from = Math.max(0, at - LONGEST_ESCAPE + 1);
  const slash = text.lastIndexOf('\\', at - 1);
  for (let p = slash; p >= from; p = text.lastIndexOf('\\', p - 1)) {
    ESCAPE_AT.lastIndex = p;
    if (ESCAPE_AT.test(text) && ESCAPE_AT.lastIndex > at) return p;
    if (p === 0) break;
  }
  return at;
}

/** One escape such as `\x1b` or `\u202e`, or one code point. */
const UNIT = /\\(?:x[0-9a-f]{2}|u[0-9a-f]{4})|[\s\S]/gu;

/**
 * Escaped text in lines of at most `size` characters (at least 6, the longest escape), counting
 * code points, with no escape split across two lines; none for ''.
 */
export function chunkText(text: string, size: number): string[] {
  const width = Math.max(LONGEST_ESCAPE, size);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const unit of text.match(UNIT) ?? []) {
    const length = unit.length > 2 ? unit.length : 1;
    if (used + length > width) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += unit;
    used += length;
  }
  if (line !== '') lines.push(line);
  return lines;
}
