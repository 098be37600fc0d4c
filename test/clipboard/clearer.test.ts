import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ClipboardGuard, type GuardTimers } from '../../src/clipboard/auto-clear.js';
import { CLEARER_GRACE_MS, runClearer, type ClearJob, type Parent } from '../../src/clipboard/clearer.js';
import type { ClearResult, Clipboard, CopyMethod } from '../../src/clipboard/clipboard.js';
import { detachedClearer, type StartClearer } from '../../src/clipboard/detached-clearer.js';
import { sha256 } from '../../src/clipboard/fingerprint.js';

const TOKEN = `eyJ${'Q'.repeat(40)}SECRET-IN-TEST${'Z'.repeat(40)}`;
const START = 1_000_000;

/** Virtual time: sleeping moves the clock on at once. */
function world(holding: () => boolean | undefined) {
  let now = START;
  const clears: number[] = [];
  return {
    clears,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    holds: async () => holding(),
    clear: async () => {
      clears.push(now);
    },
  };
}

const job: ClearJob = { sha256: sha256(TOKEN), method: 'system', dueAt: START + 45_000 };
const parent = (state: ReturnType<Parent['state']>): Parent => ({ state: () => state, changed: () => new Promise(() => {}) });

describe('runClearer (the detached clearer’s loop)', () => {
  it('idc-tui killed (the pipe closed without done): clears at the deadline if the clipboard still holds the copy', async () => {
    const w = world(() => true);
    expect(await runClearer(job, parent('gone'), w)).toBe('cleared');
    expect(w.clears).toEqual([job.dueAt]);
  });

  it('idc-tui killed, then the user copied something else: exits without clearing', async () => {
    let polls = 0;
    const w = world(() => ++polls < 3);
    expect(await runClearer(job, parent('gone'), w)).toBe('changed');
    expect(w.clears).toEqual([]);
  });

  it('idc-tui said done (it cleared the copy or made another): exits at once', async () => {
    const w = world(() => true);
    expect(await runClearer(job, parent('done'), w)).toBe('idc-tui cleared it');
    expect(w.clears).toEqual([]);
  });

  it('waiting while idc-tui lives, it wakes as soon as idc-tui says done', async () => {
    let state: ReturnType<Parent['state']> = 'alive';
    let wake: () => void = () => {};
    const live: Parent = { state: () => state, changed: () => new Promise<void>((r) => (wake = r)) };
    const w = { ...world(() => true), sleep: () => new Promise<void>(() => {}) };
    const ended = runClearer(job, live, w);
    await new Promise((r) => setImmediate(r));
    state = 'done';
    wake();
    expect(await ended).toBe('idc-tui cleared it');
    expect(w.clears).toEqual([]);
  });

  it('idc-tui alive but silent past the deadline (hung): clears after a grace period', async () => {
    const w = world(() => true);
    expect(await runClearer(job, parent('alive'), w)).toBe('cleared');
    expect(w.clears).toEqual([job.dueAt + CLEARER_GRACE_MS]);
  });
});

/** A child process as far as detachedClearer uses it, with what it was given. */
function fakeSpawn() {
  const calls: Array<{ command: string; args: readonly string[]; options: Record<string, unknown>; stdin: string[]; ended: boolean }> = [];
  const run = (command: string, args: readonly string[], options: unknown): ChildProcess => {
    const stdin = new PassThrough();
    const call = { command, args, options: options as Record<string, unknown>, stdin: [] as string[], ended: false };
    stdin.on('data', (d: Buffer) => call.stdin.push(d.toString()));
    stdin.on('finish', () => (call.ended = true));
    calls.push(call);
    return Object.assign(new EventEmitter(), { stdin, unref: () => {} }) as unknown as ChildProcess;
  };
  return { calls, run };
}

describe('detachedClearer', () => {
  it('runs node with the script alone in argv, detached, minimal environment; the hash and deadline go on stdin, the text nowhere', async () => {
    const saved = process.env['AWS_SECRET_ACCESS_KEY'];
    process.env['AWS_SECRET_ACCESS_KEY'] = 'secret-in-test';
    try {
      const spawned = fakeSpawn();
      const start = detachedClearer('/opt/idc-tui/dist/clipboard-clearer.cjs', { xsel: '/pkg/xsel' }, spawned.run);
      const clearer = start({ sha256: sha256(TOKEN), method: 'system', dueAt: 123 });
      await new Promise((r) => setImmediate(r));
      const [call] = spawned.calls;
      expect(call?.command).toBe(process.execPath);
      expect(call?.args).toEqual(['/opt/idc-tui/dist/clipboard-clearer.cjs']);
      expect(call?.options).toMatchObject({ detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
      const env = call?.options['env'] as Record<string, string>;
      expect(Object.keys(env).some((k) => k.startsWith('AWS_'))).toBe(false);
      expect(JSON.parse(call?.stdin.join('') ?? '')).toEqual({ sha256: sha256(TOKEN), method: 'system', dueAt: 123, bundled: { xsel: '/pkg/xsel' } });
      expect(JSON.stringify(call)).not.toContain('SECRET-IN-TEST');
      clearer?.cancel();
      await new Promise((r) => setImmediate(r));
      expect(call?.stdin.join('')).toMatch(/\ndone\n$/u);
      expect(call?.ended).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['AWS_SECRET_ACCESS_KEY'];
      else process.env['AWS_SECRET_ACCESS_KEY'] = saved;
    }
  });

  it('without the script (running the sources) starts nothing', () => {
    expect(detachedClearer(undefined)({ sha256: 'x', method: 'system', dueAt: 1 })).toBeUndefined();
  });
});

/** A readable system clipboard in memory. */
class MemoryClipboard implements Clipboard {
  text = '';
  failClear = false;
  async copy(text: string) {
    this.text = text;
    return { method: 'system' as CopyMethod, confirmed: true, clearable: true };
  }
  async clearIfUnchanged(hash: string): Promise<ClearResult> {
    if (this.failClear) return { kind: 'failed', reason: 'xsel died' };
    if (sha256(this.text) !== hash) return { kind: 'changed' };
    this.text = '';
    return { kind: 'cleared' };
  }
}

function manualTimers(): GuardTimers & { fire(): void } {
  let pending: (() => void) | undefined;
  return {
    now: () => START,
    setTimer: (fn) => {
      pending = fn;
      return () => (pending = undefined);
    },
    fire: () => pending?.(),
  };
}

function recordingClearers() {
  const started: Array<{ job: Parameters<StartClearer>[0]; cancelled: boolean }> = [];
  const start: StartClearer = (job) => {
    const entry = { job, cancelled: false };
    started.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  };
  return { started, start };
}

describe('ClipboardGuard and its detached clearer', () => {
  it('a copy with a deadline starts one; clearing it here tells it to stand down; a new copy replaces it', async () => {
    const clearers = recordingClearers();
    const timers = manualTimers();
    const clipboard = new MemoryClipboard();
    const guard = new ClipboardGuard(clipboard, { clearAfterMs: 45_000, timers, detached: clearers.start });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    expect(clearers.started.map((s) => s.job)).toEqual([{ sha256: sha256(TOKEN), method: 'system', dueAt: START + 45_000 }]);
    await guard.copy(`${TOKEN}2`, { token: `${TOKEN}2`, format: 'token' });
    expect(clearers.started.map((s) => s.cancelled)).toEqual([true, false]);
    timers.fire();
    await new Promise((r) => setImmediate(r));
    expect(clipboard.text).toBe('');
    expect(clearers.started.map((s) => s.cancelled)).toEqual([true, true]);
  });

  it('when clearing here fails, or the process ends before it finishes, the clearer stays to do it', async () => {
    const clearers = recordingClearers();
    const clipboard = new MemoryClipboard();
    clipboard.failClear = true;
    const guard = new ClipboardGuard(clipboard, { clearAfterMs: 45_000, timers: manualTimers(), detached: clearers.start });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    await guard.dispose();
    expect(clearers.started.map((s) => s.cancelled)).toEqual([false]);
  });

  it('with --clipboard-clear-after 0 there is no deadline and no clearer', async () => {
    const clearers = recordingClearers();
    const guard = new ClipboardGuard(new MemoryClipboard(), { clearAfterMs: 0, timers: manualTimers(), detached: clearers.start });
    await guard.copy(TOKEN, { token: TOKEN, format: 'token' });
    expect(clearers.started).toEqual([]);
  });
});
