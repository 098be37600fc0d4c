import type { BundledHelpers } from './helper-commands.js';

/**
 * What the detached clearer is told: which copy (by SHA-256, never the text), where it went and
 * when to clear it. It travels on the clearer's stdin, as one JSON line.
 */
export interface ClearJob {
  sha256: string;
  method: 'system' | 'tmux';
  /** Epoch milliseconds: --clipboard-clear-after from the copy. */
  dueAt: number;
  bundled?: BundledHelpers;
}

/**
 * What is known of idc-tui, from the pipe: `done` when it said it cleared the copy itself (or
 * replaced it); `gone` when the pipe closed without that (it was killed); else `alive`.
 */
export interface Parent {
  state(): 'alive' | 'done' | 'gone';
  /** Resolves when the state changes. */
  changed(): Promise<void>;
}

export interface ClearerDeps {
  now(): number;
  /** Resolves after ms (or earlier: the loop only re-checks). */
  sleep(ms: number): Promise<void>;
  /** Whether the clipboard still holds the copy; undefined when it cannot be read. */
  holds(): Promise<boolean | undefined>;
  /** Clears the clipboard if it still holds the copy. */
  clear(): Promise<void>;
}

export type ClearerEnd = 'idc-tui cleared it' | 'changed' | 'cleared';

/** How often an orphaned clearer looks whether the clipboard changed (then it is not its business any more). */
export const CLEARER_POLL_MS = 2000;
/** While idc-tui lives it clears at the deadline itself; the clearer steps in only this much later. */
export const CLEARER_GRACE_MS = 5000;

/**
 * The detached clearer's whole job, as `pass -c` does it: at the deadline, clear the clipboard if it
 * still holds the copy, so a timed clear happens even when idc-tui was killed (SIGKILL). It exits
 * early when idc-tui says it cleared the copy itself, or, once idc-tui is gone, when the clipboard
 * changed (the user copied something else).
 */
export async function runClearer(job: ClearJob, parent: Parent, deps: ClearerDeps): Promise<ClearerEnd> {
  for (;;) {
    const state = parent.state();
    if (state === 'done') return 'idc-tui cleared it';
    const now = deps.now();
    if (state === 'gone') {
      if (now >= job.dueAt) break;
      if ((await deps.holds()) === false) return 'changed';
      await deps.sleep(Math.min(CLEARER_POLL_MS, job.dueAt - now));
    } else {
      const wakeAt = job.dueAt + CLEARER_GRACE_MS;
      if (now >= wakeAt) break;
      await Promise.race([deps.sleep(wakeAt - now), parent.changed()]);
    }
  }
  await deps.clear();
  return 'cleared';
}
