import { spawn } from 'node:child_process';
import type { ClipboardHelpers, HelperCommand } from './helper-commands.js';
import { helperEnv } from './helper-env.js';

/** The longest a clipboard helper may take before it is killed and counted as failed. */
const HELPER_TIMEOUT_MS = 5000;

export class HelperError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HelperError';
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * Runs one helper with the minimal environment, `input` on its stdin (the text to copy travels
 * there, never in argv or the environment); resolves with its stdout. A copy is done when the
 * helper exits: what it forks to serve the clipboard is not waited for.
 */
export function runHelper(command: HelperCommand, input?: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = HELPER_TIMEOUT_MS): Promise<string> {
  const copying = input !== undefined;
  return new Promise((resolve, reject) => {
    const child = spawn(command.file, [...command.args], {
      env: { ...helperEnv(env), ...command.env },
      stdio: [copying ? 'pipe' : 'ignore', copying || command.lingers ? 'ignore' : 'pipe', command.lingers ? 'ignore' : 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill();
      finish(new HelperError(`${command.file} did not finish within ${timeoutMs / 1000} s`, 'ETIMEDOUT'));
    }, timeoutMs);
    let done = false;
    function finish(error: HelperError | undefined, output = ''): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // whatever the helper left behind to serve the clipboard must not keep idc-tui waiting on its pipes
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (error) reject(error);
      else resolve(output);
    }
    child.on('error', (err: NodeJS.ErrnoException) => finish(new HelperError(`${command.file}: ${err.message}`, err.code)));
    child.on(copying ? 'exit' : 'close', (code: number | null, signal: NodeJS.Signals | null) => {
      if (code === 0) finish(undefined, stdout);
      else if (command.empty?.test(stderr)) finish(undefined, '');
      else finish(new HelperError(`${command.file} ${signal ? `was killed (${signal})` : `exited with ${code}`}${stderr.trim() ? `: ${firstLine(stderr)}` : ''}`));
    });
    if (copying) {
      child.stdin?.on('error', () => {
        // a helper that exits without reading: its exit code tells what happened
      });
      child.stdin?.end(input);
    }
  });
}

const NO_DISPLAY = /Can't open display|Inappropriate ioctl/iu;

/** The first helper that works; else why, in one line (clipboardy's words for a missing display). */
async function firstWorking(commands: readonly HelperCommand[], input: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const failures: HelperError[] = [];
  for (const command of commands) {
    try {
      return await runHelper(command, input, env);
    } catch (err) {
      failures.push(err instanceof HelperError ? err : new HelperError(String(err)));
    }
  }
  const ran = failures.find((f) => f.code !== 'ENOENT');
  if (ran && NO_DISPLAY.test(ran.message)) {
    throw new HelperError("Clipboard access requires a display server (X11 or Wayland). This doesn't work in headless environments like CI servers, Docker containers, or SSH sessions without X11 forwarding.");
  }
  if (ran) throw ran;
  throw new HelperError(`no clipboard program found (tried ${commands.map((c) => c.file).join(', ')})`, 'ENOENT');
}

/** Copy and paste through the system's clipboard programs. */
export interface TextClipboard {
  write(text: string): Promise<void>;
  read(): Promise<string>;
}

export function helperClipboard(helpers: ClipboardHelpers, env: NodeJS.ProcessEnv = process.env): TextClipboard {
  return {
    async write(text) {
      await firstWorking(helpers.copy, text, env);
    },
    read: () => firstWorking(helpers.paste, undefined, env),
  };
}
