import { formatUtc } from './expiry.js';

/**
 * Whether a token's ExpirationTime makes sense on this computer's clock, and the local time it
 * expires at once the SDK's measured clock offset (server − local) is taken out.
 */

/** Below this the offset is Date-header rounding (1 s resolution) and network time: ignored. */
export const CLOCK_OFFSET_THRESHOLD_MS = 5_000;
/** Tokens are documented as valid for about an hour; more than this ahead of the local clock is a clock problem. */
export const PLAUSIBLE_LIFETIME_MS = 2 * 3600_000;

export type TimingProblem =
  | { kind: 'expired-on-arrival'; byMs: number }
  | { kind: 'too-far-ahead'; aheadMs: number };

export interface TokenTiming {
  /** When the token expires on the local clock: the countdown runs to this. */
  localExpiresAt: Date;
  /** The server − local offset that was taken out (0 when none applied). */
  correctionMs: number;
  problem: TimingProblem | null;
}

export interface TimingInput {
  expiresAt: Date;
  /** Local time the answer arrived. */
  receivedAt: number;
  /** Server − local clock offset measured by the SDK, if any. */
  clockOffsetMs?: number;
}

export function assessTokenTiming({ expiresAt, receivedAt, clockOffsetMs }: TimingInput): TokenTiming {
  const offset = clockOffsetMs !== undefined && Math.abs(clockOffsetMs) >= CLOCK_OFFSET_THRESHOLD_MS ? clockOffsetMs : 0;
  const localExpiresAt = new Date(expiresAt.getTime() - offset);
  const left = localExpiresAt.getTime() - receivedAt;
  let problem: TimingProblem | null = null;
  if (left <= 0) problem = { kind: 'expired-on-arrival', byMs: -left };
  else if (left > PLAUSIBLE_LIFETIME_MS) problem = { kind: 'too-far-ahead', aheadMs: left };
  return { localExpiresAt, correctionMs: offset, problem };
}

/** `2 h 5 min`, `12 min`, `40 s` */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** ` (after correcting a 3 h clock offset)`, or nothing when no correction was applied. */
function correctionNote(correctionMs: number): string {
  return correctionMs !== 0 ? ` (after correcting a ${formatDuration(correctionMs)} clock offset)` : '';
}

/** One or two lines for the message area, or null when the countdown can be trusted as is. */
export function timingMessage(timing: TokenTiming, expiresAt: Date): { tone: 'error' | 'warning' | 'info'; lines: string[] } | null {
  const { problem, correctionMs } = timing;
  if (problem?.kind === 'expired-on-arrival') {
    const skewed = correctionNote(correctionMs);
    return {
      tone: 'error',
      lines: [
        `This token had already expired when it arrived: ExpirationTime ${formatUtc(expiresAt)}, ${formatDuration(problem.byMs)} before this computer's clock${skewed}.`,
        'r gets a fresh token; if this one is expired too, check the system clock (or the endpoint).',
      ],
    };
  }
  if (problem?.kind === 'too-far-ahead') {
    return {
      tone: 'warning',
      lines: [
        `ExpirationTime ${formatUtc(expiresAt)} is ${formatDuration(problem.aheadMs)} ahead of this computer's clock; tokens last about an hour.`,
        'One of the clocks is wrong: no countdown is shown. Check the system clock before relying on this token.',
      ],
    };
  }
  if (correctionMs !== 0) {
    const direction = correctionMs > 0 ? 'ahead of' : 'behind';
    return {
      tone: 'info',
      lines: [`The server clock is ${formatDuration(correctionMs)} ${direction} this computer's; the countdown is corrected for it.`],
    };
  }
  return null;
}

/**
 * For scripted output, which prints the token as AWS answered it (as the AWS CLI does): one line
 * for stderr when the token cannot be used as it is, or null.
 */
export function scriptedTimingWarning(timing: TokenTiming, expiresAt: Date): string | null {
  const { problem, correctionMs } = timing;
  if (problem?.kind === 'expired-on-arrival') {
    const skewed = correctionNote(correctionMs);
    return `warning: this token had already expired when it arrived: ExpirationTime ${formatUtc(expiresAt)}, ${formatDuration(problem.byMs)} before this computer's clock${skewed}. Ask again; if it is expired again, check the system clock (or the endpoint).`;
  }
  if (problem?.kind === 'too-far-ahead') {
    return `warning: ExpirationTime ${formatUtc(expiresAt)} is ${formatDuration(problem.aheadMs)} ahead of this computer's clock, and tokens last about an hour: check the system clock before relying on this token.`;
  }
  return null;
}
