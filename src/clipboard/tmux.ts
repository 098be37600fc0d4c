import { execFile } from 'node:child_process';
import { sha256 } from './fingerprint.js';
import { helperEnv } from './helper-env.js';

/** Runs tmux with these arguments (and stdin), resolving with its stdout. */
export type TmuxRunner = (args: readonly string[], input?: string) => Promise<string>;

/** tmux of the session we run in: it finds its server through $TMUX (kept in its minimal environment). */
export function tmuxRunner(command = 'tmux', env: NodeJS.ProcessEnv = process.env): TmuxRunner {
  return (args, input) =>
    new Promise((resolve, reject) => {
      const options = { encoding: 'utf8' as const, timeout: 3000, maxBuffer: 1 << 20, env: helperEnv(env) };
      const child = execFile(command, [...args], options, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      );
      if (input !== undefined) child.stdin?.end(input);
      else child.stdin?.end();
    });
}

export interface TmuxClipboardSettings {
  /** on, external (the default) or off. */
  setClipboard: string;
  /** allow-passthrough on or all (tmux ≥ 3.3). */
  passthrough: boolean;
}

/** set-clipboard and allow-passthrough as they apply to our pane; undefined when tmux cannot be asked. */
export async function tmuxClipboardSettings(tmux: TmuxRunner): Promise<TmuxClipboardSettings | undefined> {
  try {
    const out = (await tmux(['display-message', '-p', '#{set-clipboard}|#{allow-passthrough}'])).trim();
    const [setClipboard = '', passthrough = ''] = out.split('|');
    return { setClipboard, passthrough: !['', '0', 'off'].includes(passthrough) };
  } catch {
    return undefined;
  }
}

/** The recent tmux paste buffers, to remove the ones that hold what we copied (and only those). */
export function tmuxBuffers(tmux: TmuxRunner, recent = 10) {
  async function matching(hash: string): Promise<string[]> {
    const names = (await tmux(['list-buffers', '-F', '#{buffer_name}'])).split('\n').filter(Boolean).slice(0, recent);
    const found: string[] = [];
    for (const name of names) {
      const content = await tmux(['show-buffer', '-b', name]).catch(() => undefined);
      if (content !== undefined && sha256(content) === hash) found.push(name);
    }
    return found;
  }
  return {
    matching,
    async deleteMatching(hash: string): Promise<number> {
      const names = await matching(hash);
      for (const name of names) await tmux(['delete-buffer', '-b', name]);
      return names.length;
    },
  };
}
