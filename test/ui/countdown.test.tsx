import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const previousForceColor = vi.hoisted(() => {
  const previous = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = '1';
  return previous;
});

import { cleanup, render } from 'ink-testing-library';
import { Countdown } from '../../src/ui/components/countdown.js';
import { ManualClock } from './fakes.js';
import { waitForFrame, waitForText } from './wait-for-frame.js';

afterEach(() => cleanup());
afterAll(() => {
  if (previousForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = previousForceColor;
});

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const GREEN = '\u001B[32m';
const YELLOW = '\u001B[33m';
const RED = '\u001B[31m';

function renderCountdown(remainingMs: number) {
  const clock = new ManualClock(T0);
  const r = render(<Countdown expiresAt={new Date(T0 + remainingMs)} clock={clock} />);
  return { ...r, clock };
}

describe('<Countdown>', () => {
  it('ticks every second from the injected clock', async () => {
    const r = renderCountdown(3600_000 - 1000);
    await waitForText(r.lastFrame, '59:59');
    r.clock.advance(1000);
    await waitForText(r.lastFrame, '59:58');
    r.clock.advance(58 * 60_000 + 58_000);
    await waitForText(r.lastFrame, '1:00');
  });

  it('derives the time from expiresAt, so a late tick does not drift', async () => {
    const r = renderCountdown(10 * 60_000);
    await waitForText(r.lastFrame, '10:00');
    r.clock.time += 2500;
    r.clock.advance(1000);
    await waitForText(r.lastFrame, '9:57');
  });

  it.each([
    { remaining: 10 * 60_000, text: '10:00 left', color: GREEN },
    { remaining: 4 * 60_000, text: '4:00 left · expiring soon', color: YELLOW },
    { remaining: 30_000, text: '0:30 left · expires in under a minute', color: RED },
    { remaining: 0, text: 'EXPIRED', color: RED },
    { remaining: -60_000, text: 'EXPIRED', color: RED },
  ])('$text in its colour', async ({ remaining, text, color }) => {
    const r = renderCountdown(remaining);
    const raw = await waitForFrame(() => r.lastFrame(), (f) => f.includes(text));
    expect(raw).toContain(text);
    expect(r.lastFrame()).toContain(color);
    for (const other of [GREEN, YELLOW, RED].filter((c) => c !== color)) expect(r.lastFrame()).not.toContain(other);
  });

  it('stops its ticker when unmounted', async () => {
    const r = renderCountdown(60_000);
    await waitForText(r.lastFrame, '1:00');
    expect(r.clock.activeTimers).toBe(1);
    r.unmount();
    expect(r.clock.activeTimers).toBe(0);
  });
});
