/**
 * What is wrong with the body of an AWS Query answer, in a few words, or undefined when it has the
 * shape the SDK expects. Only the start of the document is looked at (and, for a success, the
 * first `<ActionResult`), so a page of 100 clusters costs a few string searches. The SDK itself
 * takes an empty body, an HTML page or any other document for an answer with nothing in it.
 */

const NAME_END = /[\s/>]/u;
const SHOWN_NAME = /^[A-Za-z][\w.:-]{0,63}$/u;

interface Root {
  /** Index of the root element's `<`, past any declaration, comments and white space. */
  at: number;
  name: string;
}

/** The root element, or a reason when there is none: empty, or not XML. */
function rootOf(body: string): Root | 'empty' | 'not XML' {
  let at = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (at < body.length && /\s/u.test(body[at]!)) at++;
    if (at >= body.length) return 'empty';
    if (body[at] !== '<') return 'not XML';
    const close = body.startsWith('<?', at) ? '?>' : body.startsWith('<!--', at) ? '-->' : undefined;
    if (close === undefined) break;
    const end = body.indexOf(close, at + 2);
    if (end === -1) return 'not XML';
    at = end + close.length;
  }
  let end = at + 1;
  while (end < body.length && !NAME_END.test(body[end]!)) end++;
  return { at, name: body.slice(at + 1, end) };
}

function isHtml(body: string, root: Root): boolean {
  const start = body.slice(root.at, root.at + 14).toLowerCase();
  return start.startsWith('<!doctype html') || root.name.toLowerCase() === 'html';
}

function hasElement(body: string, name: string, from: number): boolean {
  const open = `<${name}`;
  for (let at = body.indexOf(open, from); at !== -1; at = body.indexOf(open, at + 1)) {
    const next = body[at + open.length];
    if (next === undefined || NAME_END.test(next)) return true;
  }
  return false;
}

/** A 2xx answer to `action`: `<ActionResponse>` holding `<ActionResult>`. */
export function successProblem(body: string, action: string, status: number): string | undefined {
  const root = rootOf(body);
  if (root === 'empty') return `${action} got an empty body (HTTP ${status})`;
  if (root === 'not XML') return `${action} got a body that is not XML (HTTP ${status})`;
  if (isHtml(body, root)) return `${action} got an HTML page, not XML (HTTP ${status}: a captive portal or a proxy?)`;
  if (root.name !== `${action}Response`) {
    const got = SHOWN_NAME.test(root.name) ? `<${root.name}>` : 'another document';
    return `${action} got ${got}, not <${action}Response> (HTTP ${status})`;
  }
  if (!hasElement(body, `${action}Result`, root.at + 1)) return `${action} got no ${action}Result (HTTP ${status})`;
  return undefined;
}

/** A 4xx answer: an empty body or an HTML page is no AWS error (the SDK would call it "Unknown"). */
export function errorProblem(body: string, status: number): string | undefined {
  const root = rootOf(body);
  if (root === 'empty') return `HTTP ${status} with an empty body, not an AWS error`;
  if (root === 'not XML') return `HTTP ${status} with a body that is not XML, not an AWS error`;
  if (isHtml(body, root)) return `HTTP ${status} with an HTML page, not an AWS error (a proxy or a captive portal?)`;
  return undefined;
}

const SHOWN_LOCATION = /^[\x21-\x7e]{1,200}$/u;

/** A 3xx answer: AWS APIs never redirect, and the SDK does not follow redirects. */
export function redirectProblem(status: number, location: string | undefined): string {
  const to = location !== undefined && SHOWN_LOCATION.test(location) ? ` to ${location}` : '';
  return `a redirect (HTTP ${status}${to}), which AWS never sends`;
}
