/** Auto-refresh of the token: when to ask for a new one. Pure; the UI drives it with its clock. */

export const DEFAULT_AUTO_REFRESH_MINUTES = 5;
/** After a failed automatic refresh, the next try waits this long (while the old token is still valid). */
export const AUTO_RETRY_MS = 60_000;

export interface AutoRefreshInput {
  now: number;
  /** Local time the token expires (after clock-offset correction). */
  expiresAt: number;
  /** Local time the token arrived. */
  receivedAt: number;
  /** Refresh when this much time is left. */
  beforeMs: number;
  /** Not before this time (after a failure); null = no wait. */
  notBefore: number | null;
}

/**
 * The lead actually used: the configured one, but never more than half the token's lifetime, so a
 * token that arrives with less than beforeMs left is not refreshed again and again.
 */
export function effectiveLeadMs(expiresAt: number, receivedAt: number, beforeMs: number): number {
  const lifetime = expiresAt - receivedAt;
  if (lifetime <= 0) return 0;
  return Math.min(beforeMs, Math.floor(lifetime / 2));
}

/** When the next automatic refresh is due (local ms). */
export function autoRefreshAt(expiresAt: number, receivedAt: number, beforeMs: number): number {
  return expiresAt - effectiveLeadMs(expiresAt, receivedAt, beforeMs);
}

/** True when a refresh should start now: inside the lead, the token still valid, and not waiting after a failure. */
export function autoRefreshDue(input: AutoRefreshInput): boolean {
  const { now, expiresAt, receivedAt, beforeMs, notBefore } = input;
  if (now >= expiresAt) return false;
  if (notBefore !== null && now < notBefore) return false;
  return now >= autoRefreshAt(expiresAt, receivedAt, beforeMs);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `14:03` on the local clock. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Minutes as the user gave them: `5 min`, `0.5 min`. */
export function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : Number(minutes.toFixed(2))} min`;
}
