/**
 * The AWS CLI formats Python values. These helpers give JSON-like values the same text Python's
 * str() would, so text and table output match the CLI.
 */

/**
 * A timestamp without a time zone, as the CLI's `--generate-cli-skeleton output` produces
 * (a naive Python datetime): JSON shows it ISO-style, text and table with a space.
 */
export class NaiveTimestamp {
  constructor(readonly iso: string) {}

  toJSON(): string {
    return this.iso;
  }

  toString(): string {
    return this.iso.replace('T', ' ');
  }
}

export type Scalar = string | number | boolean | null | undefined | NaiveTimestamp;

export function isScalar(value: unknown): boolean {
  return !Array.isArray(value) && !isDict(value);
}

export function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NaiveTimestamp);
}

/** Python's str() of a JSON value: None, True, False; integers without a fraction. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return pyNumber(value);
  if (value instanceof NaiveTimestamp) return value.toString();
  return pyRepr(value);
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return String(n);
}

/** repr() of lists and dicts, used when a table row holds one. */
function pyRepr(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isDict(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return pyStr(value);
}

/** Python sorts str keys by code point; JS's default sort compares UTF-16 units. */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => {
    const ca = [...a].map((c) => c.codePointAt(0) ?? 0);
    const cb = [...b].map((c) => c.codePointAt(0) ?? 0);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      const d = (ca[i] ?? 0) - (cb[i] ?? 0);
      if (d !== 0) return d;
    }
    return ca.length - cb.length;
  });
}
