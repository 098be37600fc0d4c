/**
 * The detached clipboard clearer: a process of its own (dist/clipboard-clearer.cjs), started by
 * idc-tui for each copy that has a clear deadline, with the minimal helper environment and the
 * job on stdin (a hash, never the text). It outlives idc-tui, so the clear happens even if idc-tui
 * is SIGKILLed. See clearer.ts.
 */
import { createInterface } from 'node:readline';
import type { ClearJob, ClearerDeps, Parent } from './clearer.js';
import { runClearer } from './clearer.js';
import { sha256 } from './fingerprint.js';
import { clipboardHelpers } from './helper-commands.js';
import { helperClipboard } from './run-helper.js';
import { tmuxBuffers, tmuxRunner } from './tmux.js';

function clipboardOf(job: ClearJob): Pick<ClearerDeps, 'holds' | 'clear'> {
  if (job.method === 'tmux') {
    const buffers = tmuxBuffers(tmuxRunner());
    return {
      holds: async () => (await buffers.matching(job.sha256)).length > 0,
      clear: async () => {
        await buffers.deleteMatching(job.sha256);
      },
    };
  }
  const tools = helperClipboard(clipboardHelpers(process.platform, process.env, job.bundled));
  const holds = async () => sha256(await tools.read()) === job.sha256;
  return {
    holds: () => holds().catch(() => undefined),
    clear: async () => {
      if (await holds()) await tools.write('');
    },
  };
}

function main(): void {
  const lines = createInterface({ input: process.stdin });
  let job: ClearJob | undefined;
  let state: ReturnType<Parent['state']> = 'alive';
  let wake: () => void = () => {};
  const changed = new Promise<void>((resolve) => (wake = resolve));
  const tell = (news: 'done' | 'gone') => {
    if (state !== 'alive') return;
    state = news;
    wake();
  };
  const parent: Parent = { state: () => state, changed: () => changed };
  lines.on('line', (line) => {
    if (job === undefined) {
      job = JSON.parse(line) as ClearJob;
      const deps: ClearerDeps = {
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        ...clipboardOf(job),
      };
      runClearer(job, parent, deps).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    } else if (line.trim() === 'done') {
      tell('done');
    }
  });
  lines.on('close', () => {
    tell('gone');
    if (job === undefined) process.exit(0);
  });
}

main();
