/** How `cli_timestamp_format` asks for timestamps: AWS CLI v2's default `iso8601`, or `wire` (v1's `none`). */
export type TimestampFormat = 'iso8601' | 'wire';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Python's datetime.isoformat() of a UTC time, as AWS CLI v2 prints timestamps:
 * `2026-11-28T14:03:12+00:00`, with `.ffffff` only when there are sub-seconds.
 */
export function isoformatUtc(date: Date): string {
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return `${base}${ms === 0 ? '' : `.${pad(ms * 1000, 6)}`}+00:00`;
}

/**
 * The timestamp as the service sent it. The Query protocol sends ISO 8601 in UTC with
 * milliseconds (`2026-11-28T14:03:12.000Z`); the SDK keeps only the parsed Date, so this is
 * that form rebuilt.
 */
export function wireTimestamp(date: Date): string {
  return date.toISOString();
}

export function formatTimestamp(date: Date, format: TimestampFormat): string {
  return format === 'wire' ? wireTimestamp(date) : isoformatUtc(date);
}
