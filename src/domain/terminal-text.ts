/**
 * Text from a server or a file, made safe to draw on a terminal or write to stderr. Each unsafe
 * character becomes one visible character: a C0 control (line breaks and tabs too) its Unicode
 * Control Picture (ESC ␛, CR ␍, LF ␊, BS ␈, TAB ␉, BEL ␇: U+2400–U+241F), DEL ␡ (U+2421), a C1
 * control or a bidi override or isolate (U+202A–U+202E, U+2066–U+2069) the replacement character
 * U+FFFD. So no string can move the cursor, set the window title or the clipboard (OSC 0, OSC 52),
 * add links (OSC 8), reorder what follows it or pose as another line; and the text keeps its
 * length and its width (each picture is one column), so a cut anywhere, ours or Ink's at a box
 * edge, falls between whole characters.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The same without the line feed: for multi-line text such as --debug output. */
const UNSAFE_BUT_LF_ALL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** What our own styling adds (SGR: colours, bold, dim, inverse) or anything unsafe that is not SGR. */
const UNSAFE_BUT_SGR = /[\u0000-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\u001b(?!\[[0-9;]*m)/u;
const SGR_OR_UNSAFE_ALL = /\u001b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

const CONTROL_PICTURES = 0x2400;
const DEL_PICTURE = '\u2421';
const REPLACEMENT = '\ufffd';

function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
  return code === 0x7f ? DEL_PICTURE : REPLACEMENT;
}

/** Whether the text holds a character that a terminal would take as a command (C0, DEL, C1, bidi controls). */
export function hasTerminalControls(text: string): boolean {
  return UNSAFE.test(text);
}

/** The text with every unsafe character shown as its picture; the same string when there is none (the usual case). */
export function terminalText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
}

/** As terminalText, but line feeds stay: lines of a log, a stack trace. */
export function terminalLines(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_BUT_LF_ALL, picture) : text;
}

/**
 * A line we styled ourselves from text already made safe: its SGR sequences (ESC [ digits ; m)
 * stay, anything else unsafe is shown as its picture. The guard behind pre-styled lines: a cell
 * that skipped terminalText shows as pictures, not as terminal commands.
 */
export function terminalStyledText(text: string): string {
  return UNSAFE_BUT_SGR.test(text) ? text.replace(SGR_OR_UNSAFE_ALL, (m) => (m.length > 1 ? m : picture(m))) : text;
}
