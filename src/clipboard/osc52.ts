import { closeSync, openSync, writeSync } from 'node:fs';
import { AppError } from '../domain/errors.js';
import type { ClearResult, Clipboard, CopyResult } from './clipboard.js';
import { firstLine } from './system-clipboard.js';
import { tmuxBuffers, tmuxClipboardSettings, type TmuxRunner } from './tmux.js';

const ESC = '\u001B';
const BEL = '\u0007';

export type Osc52Form = 'plain' | 'tmux-passthrough';

/**
 * OSC 52 "set the clipboard" (`c`): ESC ] 52 ; c ; BASE64 BEL. Inside tmux with allow-passthrough
 * the sequence is wrapped in a DCS passthrough with its ESCs doubled: ESC P tmux; … ESC \.
 * An empty payload asks the terminal to clear the clipboard.
 */
export function osc52(text: string, form: Osc52Form = 'plain'): string {
  const plain = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  if (form === 'plain') return plain;
  return `${ESC}Ptmux;${plain.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}

/** Writes a control sequence to the terminal; throws when there is none. */
export type TerminalWrite = (sequence: string) => void;

/**
 * Writes to the controlling terminal through its own descriptor (/dev/tty), so the sequence never
 * lands inside one of Ink's frames: Node writes a TTY synchronously, so each frame is out before
 * this runs, and this writeSync is out before the next frame. Falls back to `fallback` (the stdout
 * Ink draws on) when /dev/tty cannot be opened, e.g. on Windows.
 */
export function controllingTerminal(fallback?: NodeJS.WriteStream): TerminalWrite {
  return (sequence) => {
    let fd: number | undefined;
    try {
      fd = openSync('/dev/tty', 'w');
    } catch (err) {
      if (fallback?.isTTY) {
        fallback.write(sequence);
        return;
      }
      throw new AppError('other', `No terminal to send OSC 52 to: ${firstLine(err)}`, {
        hint: 'Press v to reveal the token and copy it by hand.',
        cause: err,
      });
    }
    try {
      writeSync(fd, sequence);
    } finally {
      closeSync(fd);
    }
  };
}

export interface Osc52Options {
  write: TerminalWrite;
  /** Set when running inside tmux ($TMUX): picks the form tmux accepts and cleans its paste buffers. */
  tmux?: TmuxRunner;
}

/** The tmux buffer idc-tui loads when neither plain OSC 52 nor passthrough reach the terminal. */
export const TMUX_BUFFER = 'idc-tui';

function sendFailed(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('other', `Could not send OSC 52 to the terminal: ${firstLine(err)}`, {
    hint: 'Press v to reveal the token and copy it by hand.',
    cause: err,
  });
}

async function copyInTmux(text: string, write: TerminalWrite, tmux: TmuxRunner): Promise<CopyResult> {
  const settings = await tmuxClipboardSettings(tmux);
  if (!settings || settings.setClipboard === 'on') {
    write(osc52(text, 'plain'));
    const detail = settings ? 'tmux set-clipboard on: in tmux\'s paste buffer, passed on to your terminal' : 'plain OSC 52 (tmux settings unreadable)';
    return { method: 'tmux', confirmed: false, detail, clearable: settings !== undefined };
  }
  if (settings.passthrough) {
    write(osc52(text, 'tmux-passthrough'));
    return { method: 'tmux', confirmed: false, detail: 'tmux passthrough, straight to your terminal', clearable: false };
  }
  // set-clipboard external (tmux's default) or off: tmux drops an application's OSC 52. Load a
  // tmux buffer instead; with -w (tmux ≥ 3.2) tmux itself forwards it to the terminal.
  try {
    await tmux(['load-buffer', '-b', TMUX_BUFFER, '-w', '-'], text);
  } catch {
    await tmux(['load-buffer', '-b', TMUX_BUFFER, '-'], text);
  }
  const detail =
    settings.setClipboard === 'off'
      ? 'tmux paste buffer only (set-clipboard off): prefix ] pastes it'
      : 'tmux load-buffer -w: in tmux\'s paste buffer, forwarded to your terminal';
  return { method: 'tmux', confirmed: false, detail, clearable: true };
}

/** Copy with OSC 52 (over SSH, without a display, or when asked). The terminal never answers. */
export function osc52Clipboard({ write, tmux }: Osc52Options): Clipboard {
  return {
    async copy(text: string): Promise<CopyResult> {
      try {
        if (tmux) return await copyInTmux(text, write, tmux);
        write(osc52(text));
        return { method: 'osc52', confirmed: false, clearable: false };
      } catch (err) {
        throw sendFailed(err);
      }
    },

    async clearIfUnchanged(hash: string): Promise<ClearResult> {
      if (!tmux) return { kind: 'unverifiable' };
      try {
        const removed = await tmuxBuffers(tmux).deleteMatching(hash);
        return { kind: 'unverifiable', detail: removed > 0 ? "removed from tmux's paste buffers" : undefined };
      } catch (err) {
        return { kind: 'failed', reason: firstLine(err) };
      }
    },

    async holds(hash: string): Promise<boolean | undefined> {
      if (!tmux) return undefined;
      try {
        return (await tmuxBuffers(tmux).matching(hash)).length > 0 ? true : undefined;
      } catch {
        return undefined;
      }
    },

    async forceClear(): Promise<void> {
      const settings = tmux ? await tmuxClipboardSettings(tmux) : undefined;
      write(osc52('', settings?.passthrough ? 'tmux-passthrough' : 'plain'));
    },
  };
}
