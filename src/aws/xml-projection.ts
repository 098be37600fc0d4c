/**
 * Cuts an AWS Query XML answer down to what a caller reads: under the element at `path` (each of
 * its children named `path`'s last step), only the children named in `keep` stay. Everything else
 * is byte for byte as it came, so the SDK parses the rest of the answer (Marker, request id) as
 * before. Anything it does not follow (a comment, CDATA, an unclosed element, another root) leaves
 * the answer whole: the SDK then parses it all, or reports it as it would have.
 */
export function projectXml(xml: string, path: readonly string[], keep: ReadonlySet<string>): string {
  // Comments, CDATA and declarations could hide a tag name inside a skipped element.
  if (xml.includes('<!')) return xml;
  try {
    const kept: string[] = [];
    let from = 0;
    const drop = (start: number, end: number) => {
      kept.push(xml.slice(from, start));
      from = end;
    };
    const root = openTagAt(xml, rootStart(xml));
    if (root.name !== path[0]) return xml;
    walk(xml, root, path.slice(1), keep, drop);
    if (kept.length === 0) return xml;
    kept.push(xml.slice(from));
    return kept.join('');
  } catch (err) {
    if (err instanceof Unfollowed) return xml;
    throw err;
  }
}

class Unfollowed extends Error {}

interface OpenTag {
  name: string;
  start: number;
  /** Just past the tag's `>`. */
  end: number;
  selfClosing: boolean;
}

const LT = 0x3c;
const SLASH = 0x2f;
const GT = 0x3e;

/** Where the root element's tag starts, past any <?…?> declarations. */
function rootStart(xml: string): number {
  for (let at = 0; ; ) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) throw new Unfollowed();
    if (!xml.startsWith('<?', lt)) return lt;
    const end = xml.indexOf('?>', lt + 2);
    if (end < 0) throw new Unfollowed();
    at = end + 2;
  }
}

function openTagAt(xml: string, start: number): OpenTag {
  if (start < 0 || xml.charCodeAt(start) !== LT) throw new Unfollowed();
  const nameEnd = nameEndAt(xml, start + 1);
  const name = xml.slice(start + 1, nameEnd);
  if (name === '' || name.startsWith('!') || name.startsWith('?') || name.startsWith('/')) throw new Unfollowed();
  let at = nameEnd;
  for (;;) {
    const code = xml.charCodeAt(at);
    if (Number.isNaN(code)) throw new Unfollowed();
    if (code === GT) break;
    if (code === 0x22 || code === 0x27) {
      at = xml.indexOf(xml[at]!, at + 1);
      if (at < 0) throw new Unfollowed();
    }
    at++;
  }
  return { name, start, end: at + 1, selfClosing: xml.charCodeAt(at - 1) === SLASH };
}

function nameEndAt(xml: string, from: number): number {
  let at = from;
  for (;;) {
    const code = xml.charCodeAt(at);
    if (Number.isNaN(code) || code === GT || code === SLASH || code <= 0x20) return at;
    at++;
  }
}

function isOpenTagOf(xml: string, lt: number, name: string): boolean {
  return xml.startsWith(name, lt + 1) && nameEndAt(xml, lt + 1) === lt + 1 + name.length;
}

/** Where the element opened by `tag` ends: just past its close tag, counting elements of the same name inside it. */
function elementEnd(xml: string, tag: OpenTag): number {
  if (tag.selfClosing) return tag.end;
  const close = `</${tag.name}>`;
  let depth = 1;
  let at = tag.end;
  for (;;) {
    const nextClose = xml.indexOf(close, at);
    if (nextClose < 0) throw new Unfollowed();
    for (let lt = xml.indexOf('<', at); lt < nextClose; lt = xml.indexOf('<', lt + 1)) {
      if (!isOpenTagOf(xml, lt, tag.name)) continue;
      const inner = openTagAt(xml, lt);
      if (!inner.selfClosing) depth++;
      lt = inner.end - 1;
    }
    at = nextClose + close.length;
    if (--depth === 0) return at;
  }
}

/** Calls `visit` for each child element of `parent` (text between them is left as it is); returns where `parent` ends. */
function eachChild(xml: string, parent: OpenTag, visit: (child: OpenTag) => number): number {
  if (parent.selfClosing) return parent.end;
  let at = parent.end;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) throw new Unfollowed();
    if (xml.charCodeAt(lt + 1) === SLASH) {
      if (!xml.startsWith(`</${parent.name}>`, lt)) throw new Unfollowed();
      return lt + parent.name.length + 3;
    }
    at = visit(openTagAt(xml, lt));
  }
}

/** Walks down `rest` from `parent`, dropping the children not kept at the end of it; returns where `parent` ends. */
function walk(xml: string, parent: OpenTag, rest: readonly string[], keep: ReadonlySet<string>, drop: (start: number, end: number) => void): number {
  return eachChild(xml, parent, (child) => {
    if (rest.length > 0 && child.name === rest[0]) return walk(xml, child, rest.slice(1), keep, drop);
    const end = elementEnd(xml, child);
    if (rest.length === 0 && !keep.has(child.name)) drop(child.start, end);
    return end;
  });
}
