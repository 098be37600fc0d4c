import { describe, expect, it } from 'vitest';
import { assessTokenTiming, formatDuration, scriptedTimingWarning, timingMessage } from '../../src/domain/token-timing.js';

const NOW = Date.UTC(2025, 10, 28, 13, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('assessTokenTiming', () => {
  it.each([
    ['an hour left', NOW + HOUR, undefined, null, NOW + HOUR],
    ['expired a minute before arrival', NOW - MIN, undefined, 'expired-on-arrival', NOW - MIN],
    ['expiring exactly on arrival', NOW, undefined, 'expired-on-arrival', NOW],
    ['three hours ahead, no offset known', NOW + 3 * HOUR, undefined, 'too-far-ahead', NOW + 3 * HOUR],
    ['two hours ahead is still plausible', NOW + 2 * HOUR, undefined, null, NOW + 2 * HOUR],
    ['three hours ahead explained by a server 2 h ahead', NOW + 3 * HOUR, 2 * HOUR, null, NOW + HOUR],
    ['looks fine but the server is 2 h behind: expired', NOW + HOUR, -2 * HOUR, 'too-far-ahead', NOW + 3 * HOUR],
    ['looks expired but the server is 2 h behind', NOW - HOUR, -2 * HOUR, null, NOW + HOUR],
    ['offset under 5 s is ignored', NOW + HOUR, 4_000, null, NOW + HOUR],
    ['offset of 5 s is applied', NOW + HOUR, 5_000, null, NOW + HOUR - 5_000],
  ] as const)('%s', (_what, expiresAt, clockOffsetMs, problem, localExpiresAt) => {
    const timing = assessTokenTiming({ expiresAt: new Date(expiresAt), receivedAt: NOW, clockOffsetMs });
    expect(timing.problem?.kind ?? null).toBe(problem);
    expect(timing.localExpiresAt.getTime()).toBe(localExpiresAt);
  });
});

describe('timingMessage', () => {
  const message = (expiresAt: number, clockOffsetMs?: number) =>
    timingMessage(assessTokenTiming({ expiresAt: new Date(expiresAt), receivedAt: NOW, clockOffsetMs }), new Date(expiresAt));

  it('nothing to say about a normal token', () => expect(message(NOW + HOUR)).toBeNull());
  it('an expired token is an error naming ExpirationTime', () => {
    expect(message(NOW - 90_000)).toEqual({
      tone: 'error',
      lines: [
        "This token had already expired when it arrived: ExpirationTime 2025-11-28 12:58:30 UTC, 2 min before this computer's clock.",
        'r gets a fresh token; if this one is expired too, check the system clock (or the endpoint).',
      ],
    });
  });
  it('too far ahead is a warning', () => expect(message(NOW + 5 * HOUR)?.lines[0]).toContain("is 5 h ahead of this computer's clock"));
  it('a correction is mentioned', () => expect(message(NOW + HOUR - 10 * MIN, -10 * MIN)?.lines[0]).toBe("The server clock is 10 min behind this computer's; the countdown is corrected for it."));
});

describe('scriptedTimingWarning', () => {
  const warning = (expiresAt: number, clockOffsetMs?: number) =>
    scriptedTimingWarning(assessTokenTiming({ expiresAt: new Date(expiresAt), receivedAt: NOW, clockOffsetMs }), new Date(expiresAt));

  it('nothing for a normal or a corrected token', () => {
    expect(warning(NOW + HOUR)).toBeNull();
    expect(warning(NOW - HOUR, -2 * HOUR)).toBeNull();
    // The mild correction the TUI mentions is no reason to warn a script.
    expect(warning(NOW + HOUR - 10 * MIN, -10 * MIN)).toBeNull();
  });
  it('expired on arrival: one line naming ExpirationTime and what to do', () => {
    expect(warning(NOW - 90_000)).toBe(
      "warning: this token had already expired when it arrived: ExpirationTime 2025-11-28 12:58:30 UTC, 2 min before this computer's clock. Ask again; if it is expired again, check the system clock (or the endpoint).",
    );
  });
  it('too far ahead: one line about the clocks', () => {
    expect(warning(NOW + 5 * HOUR)).toBe(
      "warning: ExpirationTime 2025-11-28 18:00:00 UTC is 5 h ahead of this computer's clock, and tokens last about an hour: check the system clock before relying on this token.",
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [59_000, '59 s'],
    [90_000, '2 min'],
    [HOUR, '1 h'],
    [HOUR + 5 * MIN, '1 h 5 min'],
    [-2 * HOUR, '2 h'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
