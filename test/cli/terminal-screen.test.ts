import { describe, expect, it } from 'vitest';
import { terminalScreen } from '../../src/cli/terminal-screen.js';

/** A terminal's two ends as far as terminalScreen uses them: what is written, and the raw mode. */
function fakeTerminal() {
  const written: string[] = [];
  const modes: boolean[] = [];
  const stdout = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  const stdin = {
    isTTY: true,
    isRaw: false,
    setRawMode(on: boolean) {
      modes.push(on);
      stdin.isRaw = on;
      return stdin;
    },
  };
  return { stdout, stdin: stdin as unknown as NodeJS.ReadStream, written, modes };
}

describe('terminalScreen', () => {
  it('puts the terminal in raw mode with the alternate screen, before any frame, and restores both once', () => {
    const t = fakeTerminal();
    const screen = terminalScreen(t.stdout, t.stdin);
    screen.enter();
    expect(t.modes).toEqual([true]);
    expect(t.written.join('')).toContain('\u001B[?1049h');
    screen.restore();
    screen.restore();
    expect(t.modes).toEqual([true, false]);
    expect(t.written.join('')).toContain('\u001B[?1049l');
    expect(t.written.join('').match(/\u001B\[\?1049l/g)).toHaveLength(1);
  });

  it('leaves a stdin that is not a terminal alone', () => {
    const t = fakeTerminal();
    (t.stdin as { isTTY: boolean }).isTTY = false;
    terminalScreen(t.stdout, t.stdin).enter();
    expect(t.modes).toEqual([]);
  });
});

describe('terminalScreen: bracketed paste, suspend and a lost terminal', () => {
  it('turns bracketed paste on with the screen and off with every restore, and can enter again (fg after Ctrl-Z)', () => {
    const t = fakeTerminal();
    const screen = terminalScreen(t.stdout, t.stdin);
    screen.enter();
    expect(t.written.join('')).toContain('\u001B[?2004h');
    screen.restore();
    expect(t.written.join('')).toMatch(/\u001B\[\?2004l.*\u001B\[\?25h.*\u001B\[\?1049l/u);
    t.written.length = 0;
    screen.enter();
    expect(t.modes).toEqual([true, false, true]);
    // back on the alternate screen, with paste marks, and the cursor hidden again (Ink hid it only once)
    expect(t.written.join('')).toMatch(/\u001B\[\?1049h.*\u001B\[\?25l.*\u001B\[\?2004h/u);
  });

  it('after a stop it did not ask for, takes the terminal again on a cleared screen', () => {
    const t = fakeTerminal();
    const screen = terminalScreen(t.stdout, t.stdin);
    screen.enter();
    t.stdin.setRawMode(false);
    t.written.length = 0;
    screen.reclaim();
    expect(t.modes.at(-1)).toBe(true);
    expect(t.written.join('')).toContain('\u001B[2J');
  });

  it('abandoned (the terminal hung up), it writes nothing and asks nothing of it any more', () => {
    const t = fakeTerminal();
    const screen = terminalScreen(t.stdout, t.stdin);
    screen.enter();
    t.written.length = 0;
    screen.abandon();
    screen.restore();
    screen.reclaim();
    screen.enter();
    expect(t.written).toEqual([]);
    expect(t.modes).toEqual([true]);
    expect(screen.alive()).toBe(false);
  });
});
