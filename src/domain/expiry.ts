export type ExpiryPhase = 'ok' | 'warning' | 'critical' | 'expired';

export const WARNING_SECONDS = 5 * 60;
export const CRITICAL_SECONDS = 60;

export function remainingMs(expiresAt: Date, now: number): number {
  return expiresAt.getTime() - now;
}

/** Whole seconds as a countdown shows them: rounded up, so 0 only once the time has passed. */
export function remainingSeconds(remaining: number): number {
  return Math.max(0, Math.ceil(remaining / 1000));
}

export function expiryPhase(remaining: number): ExpiryPhase {
  const seconds = remainingSeconds(remaining);
  if (seconds <= 0) return 'expired';
  if (seconds < CRITICAL_SECONDS) return 'critical';
  if (seconds < WARNING_SECONDS) return 'warning';
  return 'ok';
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `59:58`, `4:05`, `0:07`, or with hours `1:02:03`; `0:00` once expired. */
export function formatRemaining(remaining: number): string {
  const total = remainingSeconds(remaining);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

function formatDateTime(d: Date): string {
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** `2025-11-28 14:03:12 UTC` */
export function formatUtc(date: Date): string {
  return `${formatDateTime(date)} UTC`;
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * `2025-11-28 15:03:12 +01:00` in the local time zone; offsetMinutes is east of UTC
 * (the machine's own offset for that date unless given).
 */
export function formatLocal(date: Date, offsetMinutes: number = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  return `${formatDateTime(shifted)} ${formatOffset(offsetMinutes)}`;
}
