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
