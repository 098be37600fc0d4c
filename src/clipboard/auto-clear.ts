import type { ClearResult, Clipboard, CopyMethod, CopyResult } from './clipboard.js';
import type { DetachedClearer, StartClearer } from './detached-clearer.js';
import { sha256 } from './fingerprint.js';

/** Time for the guard: injected so tests drive the countdown without sleeping. */
export interface GuardTimers {
  now: () => number;
  /** Calls fn once after ms; the returned function cancels it. */
  setTimer: (fn: () => void, ms: number) => () => void;
}

export const realTimers: GuardTimers = {
  now: Date.now,
  setTimer: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** A one-shot timer from a repeating tick (the UI clock's setTick). */
export function oneShot(setTick: (fn: () => void, ms: number) => () => void): GuardTimers['setTimer'] {
  return (fn, ms) => {
    let stop: (() => void) | undefined;
    let fired = false;
    stop = setTick(() => {
      if (fired) return;
      fired = true;
      stop?.();
      fn();
    }, ms);
    if (fired) stop();
    return () => stop?.();
  };
}

/** What was copied last, without the text itself: its hash and what it was. */
export interface CopyRecord {
  sha256: string;
  method: CopyMethod;
  /** The token inside the copied text, to know whether the clipboard holds an old token after a refresh. */
  token: string;
  /** What was copied (token, jdbc…), to copy the new token the same way. */
  format: string;
  clusterId?: string;
  at: number;
}

export type GuardStatus =
  | { kind: 'idle' }
  /** A clear is scheduled at dueAt. */
  | { kind: 'armed'; dueAt: number; method: CopyMethod }
  /** Not cleared automatically: --clipboard-clear-after 0, or the terminal's clipboard cannot be read back. */
  | { kind: 'kept'; why: 'never' | 'unverifiable'; method: CopyMethod; detail?: string }
  | { kind: 'cleared'; method: CopyMethod; by: 'timer' | 'exit' | 'user' }
  /** It held something else by then: left alone. */
  | { kind: 'left'; method: CopyMethod }
  | { kind: 'failed'; method: CopyMethod; reason: string };

export interface GuardState {
  status: GuardStatus;
  last: CopyRecord | null;
}

export interface GuardOptions {
  /** 0 = never. */
  clearAfterMs: number;
  timers?: GuardTimers;
  /** Starts a process that clears at the deadline even if idc-tui is killed; none in tests of the sources. */
  detached?: StartClearer;
}

export interface CopyMeta {
  token: string;
  format: string;
  clusterId?: string;
}

/**
 * Copies through a Clipboard and forgets the token afterwards: after clearAfterMs, and on exit,
 * it clears the clipboard only if it still holds what we copied (the clipboard compares SHA-256
 * hashes). A clipboard that cannot be read back (OSC 52) is never cleared without the user asking.
 */
export class ClipboardGuard {
  private state: GuardState = { status: { kind: 'idle' }, last: null };
  private readonly listeners = new Set<() => void>();
  private cancelTimer: (() => void) | undefined;
  private readonly timers: GuardTimers;
  /** Bumped by every copy, so a clear that finishes after a newer copy does not report on it. */
  private generation = 0;
  /** The detached clearer of the armed copy, told to stand down once the copy is cleared or replaced here. */
  private clearer: DetachedClearer | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly options: GuardOptions,
  ) {
    this.timers = options.timers ?? realTimers;
  }

  get clearAfterMs(): number {
    return this.options.clearAfterMs;
  }

  getState = (): GuardState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(status: GuardStatus, last: CopyRecord | null = this.state.last): void {
    this.state = { status, last };
    for (const listener of this.listeners) listener();
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private releaseClearer(): void {
    this.clearer?.cancel();
    this.clearer = undefined;
  }

  async copy(text: string, meta: CopyMeta): Promise<CopyResult> {
    const result = await this.clipboard.copy(text);
    this.stopTimer();
    this.releaseClearer();
    const generation = ++this.generation;
    const record: CopyRecord = { sha256: sha256(text), method: result.method, ...meta, at: this.timers.now() };
    const clearable = (result.clearable ?? true) && this.clipboard.clearIfUnchanged !== undefined;
    if (this.options.clearAfterMs <= 0) {
      this.set({ kind: 'kept', why: 'never', method: result.method }, record);
    } else if (!clearable) {
      this.set({ kind: 'kept', why: 'unverifiable', method: result.method }, record);
    } else {
      const dueAt = this.timers.now() + this.options.clearAfterMs;
      this.cancelTimer = this.timers.setTimer(() => {
        this.cancelTimer = undefined;
        if (generation === this.generation) void this.clear('timer');
      }, this.options.clearAfterMs);
      this.set({ kind: 'armed', dueAt, method: result.method }, record);
      if (result.method !== 'osc52') this.clearer = this.options.detached?.({ sha256: record.sha256, method: result.method, dueAt });
    }
    return result;
  }

  /** Clears now if it still holds our copy (the timer, or exit). */
  async clear(by: 'timer' | 'exit'): Promise<ClearResult | undefined> {
    const { last, status } = this.state;
    this.stopTimer();
    if (!last || status.kind !== 'armed' || !this.clipboard.clearIfUnchanged) return undefined;
    const generation = this.generation;
    let result: ClearResult;
    try {
      result = await this.clipboard.clearIfUnchanged(last.sha256, last.method);
    } catch (err) {
      result = { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
    if (generation !== this.generation) return result;
    // Done here: the detached clearer stands down (after a failure it stays, to try at the deadline).
    if (result.kind !== 'failed') this.releaseClearer();
    const method = last.method;
    switch (result.kind) {
      case 'cleared':
        this.set({ kind: 'cleared', method, by });
        break;
      case 'changed':
        this.set({ kind: 'left', method });
        break;
      case 'unverifiable':
        this.set({ kind: 'kept', why: 'unverifiable', method, detail: result.detail });
        break;
      case 'failed':
        this.set({ kind: 'failed', method, reason: result.reason });
        break;
    }
    return result;
  }

  /**
   * The user asked (x). The system clipboard is still compared first (never wipe what they copied
   * since); a terminal's clipboard cannot be read back, so it gets an empty OSC 52 unchecked.
   */
  async clearByUser(): Promise<void> {
    const { last } = this.state;
    if (!last) return;
    this.stopTimer();
    const generation = ++this.generation;
    const method = last.method;
    let result: ClearResult | undefined;
    try {
      result = await this.clipboard.clearIfUnchanged?.(last.sha256, method);
      if (method !== 'system') {
        await this.clipboard.forceClear?.(method);
        result = { kind: 'cleared' };
      }
    } catch (err) {
      result = { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
    if (generation !== this.generation) return;
    if (result?.kind !== 'failed') this.releaseClearer();
    if (result?.kind === 'cleared') this.set({ kind: 'cleared', method, by: 'user' });
    else if (result?.kind === 'changed') this.set({ kind: 'left', method });
    else if (result?.kind === 'failed') this.set({ kind: 'failed', method, reason: result.reason });
  }

  /**
   * Whether the clipboard still holds the copy of `token` made this session: true, false, or
   * undefined when that cannot be known (OSC 52) but nothing says otherwise.
   */
  async holdsToken(token: string): Promise<boolean | undefined> {
    const { last, status } = this.state;
    if (!last || last.token !== token) return false;
    if (status.kind === 'cleared' || status.kind === 'left') return false;
    if (!this.clipboard.holds) return undefined;
    return this.clipboard.holds(last.sha256, last.method);
  }

  /** On exit: clears a pending copy (unless clear-after is 0), at most waiting timeoutMs. */
  async dispose(timeoutMs = 3000): Promise<void> {
    this.stopTimer();
    if (this.state.status.kind !== 'armed') return;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.clear('exit'),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timeout);
  }
}
