import { QueryError } from './query-protocol.js';

const WINDOW_MS = 5 * 60_000;

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** Rejects a SigV4 signing time more than 5 minutes away from the server clock, as AWS does. */
export function checkSigningTime(signedAt: string | undefined, serverNowMs: number): void {
  if (signedAt === undefined) return;
  const signedMs = parseAmzDate(signedAt);
  if (Number.isNaN(signedMs)) return;
  const now = amzDate(serverNowMs);
  if (signedMs < serverNowMs - WINDOW_MS) {
    throw new QueryError(
      403,
      'SignatureDoesNotMatch',
      `Signature expired: ${signedAt} is now earlier than ${amzDate(serverNowMs - WINDOW_MS)} (${now} - 5 min.)`,
    );
  }
  if (signedMs > serverNowMs + WINDOW_MS) {
    throw new QueryError(
      403,
      'SignatureDoesNotMatch',
      `Signature not yet current: ${signedAt} is still later than ${amzDate(serverNowMs + WINDOW_MS)} (${now} + 5 min.)`,
    );
  }
}
