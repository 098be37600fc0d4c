export const REDACTED = '***REDACTED***';

/** Shortest secret replaced by value; shorter strings would blank out ordinary words. */
const MIN_SECRET_LENGTH = 8;

const FIELD_PATTERNS: readonly [RegExp, string][] = [
  // XML: <Token>…</Token>, also with a namespace prefix.
  [/(<(?:[\w-]+:)?Token>)[^<]*(<\/(?:[\w-]+:)?Token>)/gu, `$1${REDACTED}$2`],
  // JSON: "Token": "…"
  [/("Token"\s*:\s*)"(?:[^"\\]|\\.)*"/gu, `$1"${REDACTED}"`],
  // util.inspect / JS objects: Token: '…'
  [/(\bToken\s*:\s*)'(?:[^'\\]|\\.)*'/gu, `$1'${REDACTED}'`],
  // Form bodies and query strings: Token=…
  [/((?:^|[?&])Token=)[^&\s]*/gu, `$1${REDACTED}`],
  // Session credentials and signatures in headers or presigned URLs.
  [/((?:x-amz-security-token|X-Amz-Security-Token)["']?\s*[:=]\s*["']?)[^"'\s,&}]+/gu, `$1${REDACTED}`],
  [/(Signature=)[0-9a-f]{16,}/gu, `$1${REDACTED}`],
];

/**
 * Removes tokens from text bound for a log: every value registered with add(), wherever it
 * appears, and any Token field in XML, JSON, JS-object or form syntax, plus session tokens and
 * request signatures.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(secret);
    this.secrets.add(encodeURIComponent(secret));
    this.secrets.add(JSON.stringify(secret).slice(1, -1));
  }

  /** Learns the values of Token fields in an XML or JSON text, then redacts it. */
  learnAndRedact(text: string): string {
    for (const m of text.matchAll(/<(?:[\w-]+:)?Token>([^<]*)<\/(?:[\w-]+:)?Token>/gu)) this.add(m[1]);
    for (const m of text.matchAll(/"Token"\s*:\s*"((?:[^"\\]|\\.)*)"/gu)) this.add(m[1]);
    return this.redact(text);
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
    for (const [pattern, replacement] of FIELD_PATTERNS) result = result.replace(pattern, replacement);
    return result;
  }
}
