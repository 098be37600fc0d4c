import { spawn, type ChildProcess } from 'node:child_process';
import { parse } from 'node:path';
import type { Socket } from 'node:net';
import type { ClearJob } from './clearer.js';
import type { BundledHelpers } from './helper-commands.js';
import { helperEnv } from './helper-env.js';

export interface DetachedClearer {
  /** idc-tui cleared the copy itself, or replaced it: the clearer exits. */
  cancel(): void;
}

/** Starts a detached clearer for one copy; undefined when there is none to start. */
export type StartClearer = (job: Omit<ClearJob, 'bundled'>) => DetachedClearer | undefined;

type Spawn = (command: string, args: readonly string[], options: Parameters<typeof spawn>[2]) => ChildProcess;

/**
 * Starts `node <script>` in a session of its own (a hangup or Ctrl-C of idc-tui's terminal does
 * not reach it), with the minimal helper environment, nothing in argv but the script, and the
 * job (a SHA-256 and a deadline, never the text) on stdin. The pipe stays open: closing it
 * without `done` tells the clearer that idc-tui is gone.
 */
export function detachedClearer(script: string | undefined, bundled: BundledHelpers = {}, run: Spawn = spawn): StartClearer {
  if (!script) return () => undefined;
  return (job) => {
    let child: ChildProcess;
    try {
      child = run(process.execPath, [script], {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
        env: helperEnv(),
        cwd: parse(process.cwd()).root,
        windowsHide: true,
      });
    } catch {
      return undefined;
    }
    child.on('error', () => {
      // no clearer then: idc-tui still clears while it runs
    });
    child.unref();
    const stdin = child.stdin;
    stdin?.on('error', () => {});
    stdin?.write(`${JSON.stringify({ ...job, bundled } satisfies ClearJob)}\n`);
    (stdin as (NodeJS.WritableStream & Partial<Pick<Socket, 'unref'>>) | null)?.unref?.();
    return {
      cancel() {
        stdin?.end('done\n');
      },
    };
  };
}
