import { afterEach, describe, expect, it, vi } from 'vitest';
import { installLastResort } from '../../src/cli/last-resort.js';

type Origin = 'uncaughtException' | 'unhandledRejection';
/** process, with its event names loosely typed. */
const events = process as unknown as NodeJS.EventEmitter;
const ORIGINS: Origin[] = ['uncaughtException', 'unhandledRejection'];

// The test runner listens for these itself; they are set aside while a test installs its own.
const saved = new Map<Origin, Array<(...args: unknown[]) => void>>();
function withoutOtherListeners(): void {
  for (const origin of ORIGINS) {
    saved.set(origin, events.listeners(origin) as Array<(...args: unknown[]) => void>);
    events.removeAllListeners(origin);
  }
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const origin of ORIGINS) {
    events.removeAllListeners(origin);
    for (const listener of saved.get(origin) ?? []) events.on(origin, listener);
  }
});

function capture() {
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  return { exit, stderr: () => stderr };
}

describe('the last resort for an error nothing handled', () => {
  it.each(ORIGINS)('%s: one line and a hint, no stack, exit 255', (origin) => {
    withoutOtherListeners();
    installLastResort(false);
    const { exit, stderr } = capture();
    const error = new Error('write EIO\n    at minified (idc-tui.cjs:101:206661)');
    if (origin === 'uncaughtException') events.emit(origin, error, origin);
    else events.emit(origin, error, Promise.resolve());
    expect(stderr()).toBe('idc-tui: unexpected error: write EIO\nRun again with --debug for details.\n');
    expect(exit).toHaveBeenCalledWith(255);
  });

  it('stands aside while another handler (the interactive screen’s) takes crashes', () => {
    withoutOtherListeners();
    installLastResort(false);
    const screens = vi.fn();
    events.on('uncaughtException', screens);
    const { exit, stderr } = capture();
    events.emit('uncaughtException', new Error('boom'), 'uncaughtException');
    expect(screens).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    expect(stderr()).toBe('');
  });
});
