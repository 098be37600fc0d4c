import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TmuxStartOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
  /** Extra global tmux options, set as the session starts, e.g. ['set-clipboard', 'on']. */
  serverOptions?: Array<[string, string]>;
  /** Also start an idle session, so that killSession() leaves the tmux server (and its paste buffers) running. */
  keepServer?: boolean;
}

let counter = 0;

/**
 * A real terminal for end-to-end tests: the command runs in a tmux pane, keys go in with
 * send-keys, the screen comes out with capture-pane. The exit status is written to a file.
 */
export class TmuxSession {
  private readonly socket: string;
  private readonly dir: string;
  readonly exitFile: string;

  private constructor(socket: string, dir: string) {
    this.socket = socket;
    this.dir = dir;
    this.exitFile = join(dir, 'exit-status');
  }

  static start(command: string, opts: TmuxStartOptions = {}): TmuxSession {
    const dir = mkdtempSync(join(tmpdir(), 'idc-tmux-'));
    const session = new TmuxSession(`idc-e2e-${process.pid}-${counter++}`, dir);
    const script = join(dir, 'run.sh');
    const envLines = Object.entries(opts.env ?? {})
      .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
      .join('\n');
    writeFileSync(
      script,
      `${envLines}\ncd ${shellQuote(opts.cwd ?? process.cwd())}\n${command}\necho $? > ${shellQuote(session.exitFile)}\necho "[exited]"\nsleep 600\n`,
    );
    // One invocation: a tmux server started without a session exits at once (exit-empty).
    const serverOptions = (opts.serverOptions ?? []).flatMap(([name, value]) => [';', 'set-option', '-g', name, value]);
    session.tmux([
      '-f', '/dev/null',
      'new-session', '-d', '-s', 'main',
      '-x', String(opts.columns ?? 120), '-y', String(opts.rows ?? 36),
      `sh ${shellQuote(script)}`,
      ...serverOptions,
    ]);
    if (opts.keepServer) session.tmux(['new-session', '-d', '-s', 'keep', 'sleep 600']);
    return session;
  }

  /** Closes the command's terminal as `tmux kill-session` does: its pane hangs up. */
  killSession(): void {
    this.tmux(['kill-session', '-t', 'main']);
  }

  tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Keys as tmux names them: 'Down', 'Space', 'Enter', 'Escape', 'C-c', or literal text with literal=true. */
  send(keys: string[] | string, literal = false): void {
    const list = Array.isArray(keys) ? keys : [keys];
    this.tmux(['send-keys', '-t', 'main', ...(literal ? ['-l'] : []), ...list]);
  }

  /** The visible screen; with styles, the SGR codes (colours, inverse…) as tmux holds them. */
  screen(opts: { styles?: boolean } = {}): string {
    return this.tmux(['capture-pane', '-p', ...(opts.styles ? ['-e'] : []), '-t', 'main']);
  }

  async waitFor(predicate: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const test =
      typeof predicate === 'function'
        ? predicate
        : (s: string) => (typeof predicate === 'string' ? s.includes(predicate) : predicate.test(s));
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`Timed out waiting for ${String(predicate)}. Screen was:\n${last}`);
  }

  async exitStatus(timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const text = readFileSync(this.exitFile, 'utf8').trim();
        if (text) return Number(text);
      } catch {
        // not yet written
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`The command did not exit. Screen was:\n${this.screen()}`);
  }

  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
