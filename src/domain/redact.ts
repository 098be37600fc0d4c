export const REDACTED = '***REDACTED***';

/** Shortest secret replaced by value; shorter strings would blank out ordinary words. */
const MIN_SECRET_LENGTH = 8;

/**
 * XML: a Token element's whole content, however it is spelled (a namespace prefix, attributes,
 * spaces or newlines in the tags, CDATA, comments, character references), up to its closing tag,
 * or to the end of a text cut short.
 */
const XML_TOKEN = /(<(?:[\w.-]+:)?Token(?:\s[^>]*)?>)(?:[\s\S]*?(<\/(?:[\w.-]+:)?Token\s*>)|[\s\S]*$)/gu;

const FIELD_PATTERNS: readonly [RegExp, string][] = [
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

/** Text as an XML reader reads it: comments dropped, CDATA unwrapped, character references decoded. */
function xmlReading(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/gu, '$1')
    .replace(/&#(x[0-9a-f]+|[0-9]+);/giu, (ref, n: string) => {
      const code = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n);
      return code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    })
    .replace(/&(lt|gt|quot|apos|amp);/gu, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

const xmlEscaped = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * Removes tokens from text bound for a log: every value registered with add(), wherever it
 * appears, and any Token field in XML, JSON, JS-object or form syntax, plus session tokens and
 * request signatures.
 */
export class Redactor {
  /** The secrets as given. */
  private readonly values = new Set<string>();
  /** …and as they are spelled in URLs, JSON strings and XML text. */
  private readonly spellings = new Set<string>();

  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) return;
    this.values.add(secret);
    for (const spelling of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), xmlEscaped(secret)]) this.spellings.add(spelling);
  }

  /** Learns the values of Token fields in an XML or JSON text, then redacts it. */
  learnAndRedact(text: string): string {
    for (const m of text.matchAll(XML_TOKEN)) if (m[2] !== undefined) this.add(xmlReading(m[0].slice(m[1]!.length, -m[2].length)).trim());
    for (const m of text.matchAll(/"Token"\s*:\s*"((?:[^"\\]|\\.)*)"/gu)) this.add(m[1]);
    return this.redact(text);
  }

  /**
   * An answer's body for the log: redacted as any text, then withheld whole if a secret can still
   * be read in it (spelled with references, split by comments or CDATA, outside a Token element).
   */
  redactDocument(text: string): string {
    const redacted = this.learnAndRedact(text);
    if (this.values.size === 0) return redacted;
    const read = xmlReading(redacted);
    const joined = read.replace(/<[^>]*>/gu, '');
    for (const secret of this.values) {
      if (read.includes(secret) || joined.includes(secret)) return `${REDACTED} (${text.length} characters withheld: they spell a secret in a way the log cannot cut out)`;
    }
    return redacted;
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.spellings].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
    result = result.replace(XML_TOKEN, (_, open: string, close: string | undefined) => `${open}${REDACTED}${close ?? ''}`);
    for (const [pattern, replacement] of FIELD_PATTERNS) result = result.replace(pattern, replacement);
    return result;
  }
}
