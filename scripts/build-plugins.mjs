// The esbuild plugins of scripts/build.mjs: each patches one dependency's source in the bundle, and
// stops the build if the code it patches has changed. test/build/ checks the XML parser's patch
// against the original; the e2e tests run the bundle.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * yoga-layout (Ink's layout engine) ships its wasm as a base64 data: URL and loads it with a
 * top-level `await`: with fetch() when fetch exists (on Node that loads undici, ~35 ms at every
 * start, to decode a string), else with WebAssembly.instantiate(). The bundle is a classic script
 * (see scripts/build.mjs), which cannot await at the top level, so the 72 KB module is decoded with
 * Buffer (0.5 ms; atob and a loop took 7 ms) and compiled and instantiated synchronously (~3 ms),
 * through the loader's own receiveInstance callback; the rest of the loader runs as before.
 */
export const yogaSync = {
  name: 'yoga-sync',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const decoded = patchSource(
        source,
        'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
        'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
        'yoga-sync',
      );
      const sync = patchSource(
        decoded,
        '(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming||ua(H)||"function"!=typeof fetch?c(b):fetch(H,{credentials:"same-origin"}).then(function(e){return WebAssembly.instantiateStreaming(e,d).then(b,function(f){v("wasm streaming compile failed: "+f);v("falling back to ArrayBuffer instantiation");return c(b)})})})().catch(ca);return{}',
        'a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d));return{}',
        'yoga-sync',
      );
      // Only used to find a .wasm file beside the script, which this loader never does.
      const withoutMeta = patchSource(sync, 'var _scriptDir = import.meta.url;', 'var _scriptDir = undefined;', 'yoga-sync');
      return { contents: withoutMeta, loader: 'js' };
    });
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // With the wasm instantiated synchronously, the loader has filled in `lib` when it returns.
      const contents = patchSource(source, 'const Yoga = wrapAssembly(await loadYoga());', 'const lib = {};\nloadYoga(lib);\nconst Yoga = wrapAssembly(lib);', 'yoga-sync');
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Ink's reconciler awaits two imports at the top level when DEV=true (React devtools and its own
 * package.json). The bundle defines DEV as "false", so that code never runs; it is dropped so the
 * bundle can be a classic script.
 */
export const inkWithoutTopLevelAwait = {
  name: 'ink-without-top-level-await',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const devtools = patchSource(source, "        await import('./devtools.js');", '        void 0;', 'ink-without-top-level-await');
      const contents = patchSource(devtools, '    ? await loadPackageJson()', '    ? {}', 'ink-without-top-level-await');
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** Replaces `find` in a dependency's source, and stops the build if it is no longer there. */
function patchSource(source, find, replace, what) {
  if (!source.includes(find)) throw new Error(`${what}: the dependency changed; review the patch in scripts/build-plugins.mjs`);
  return source.replace(find, replace);
}

/**
 * Lines made only of characters that are each a grapheme of their own: ASCII, Latin, the
 * punctuation, arrows, box drawing and braille the screens use, and ESC (SGR codes); no combining
 * marks, joiners, variation selectors, surrogates or CR. No two of them ever join into one grapheme.
 */
const ONE_GRAPHEME_EACH = String.raw`/^[\x1b\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25ff\u2800-\u28ff]*$/`;

/**
 * string-width, slice-ansi and ansi-tokenize each build an Intl.Segmenter when they load, and
 * string-width the RGI_Emoji regex (a property of strings that V8 expands into thousands of
 * sequences): ~60 ms of every start on Node 20 (~40 of them the regex, ~20 ICU's break iterator
 * data), for tables the screens rarely need: their rows take the one-column fast paths. Build each
 * on first use instead; what they compute is unchanged.
 */
export function lazyUnicodeTables(source, what) {
  let count = 0;
  const patched = source
    .replace(/^const (\w+) = new Intl\.Segmenter\(([^)]*)\);$/gm, (_, name, args) => {
      count++;
      return `const ${name} = { segment(text) { return (this.segmenter ??= new Intl.Segmenter(${args})).segment(text); } };`;
    })
    .replace(/^const (\w+) = (\/\^\\p\{RGI_Emoji\}\$\/v);$/m, (_, name, literal) => {
      count++;
      return `const ${name} = { test(text) { return (this.regex ??= ${literal}).test(text); } };`;
    });
  if (count === 0) throw new Error(`${what}: no Intl.Segmenter or RGI_Emoji regex to defer; review lazyUnicodeTables`);
  return patched;
}

/** slice-ansi's tokenizer (string-width and wrap-ansi's own string-width, and ansi-tokenize, call lazyUnicodeTables from their own plugins). */
export const lazyUnicode = {
  name: 'lazy-unicode-tables',
  setup(b) {
    // slice-ansi (Ink's truncation of a line wider than its box, e.g. a long header) splits the
    // whole line into graphemes with Intl.Segmenter, and its first use loads ICU's break iterator
    // data (~15 ms). For a line of one-grapheme characters each character is its own grapheme:
    // give it those segments directly (test/build/string-width-patch.test.ts checks the result).
    b.onLoad({ filter: /[\\/]node_modules[\\/]slice-ansi[\\/]tokenize-ansi\.js$/ }, async (args) => {
      const source = lazyUnicodeTables(await readFile(args.path, 'utf8'), 'lazy-unicode-tables');
      const segments = patchSource(
        source,
        '	const graphemeSegments = GRAPHEME_SEGMENTER.segment(string);',
        '	const graphemeSegments = ONE_GRAPHEME_EACH.test(string) ? oneGraphemeEach(string) : GRAPHEME_SEGMENTER.segment(string);',
        'lazy-unicode-tables',
      );
      const pairs = patchSource(
        segments,
        'function areValuesInSameGrapheme(leftValue, rightValue) {\n',
        'function areValuesInSameGrapheme(leftValue, rightValue) {\n	if (ONE_GRAPHEME_EACH.test(leftValue + rightValue)) return false;\n',
        'lazy-unicode-tables',
      );
      return {
        contents: `${pairs}
const ONE_GRAPHEME_EACH = ${ONE_GRAPHEME_EACH};
function oneGraphemeEach(string) {
	return { containing: (index) => (index >= 0 && index < string.length ? { segment: string[index], index, input: string } : undefined) };
}
`,
        loader: 'js',
      };
    });
  },
};

/**
 * Ink lays out and draws every frame from scratch: it measures each row with string-width (the slow
 * Intl.Segmenter path as soon as a row holds "●", "×" or "…") and splits each row into styled
 * characters, caching both only for one frame. Give string-width a fast path for characters known
 * to be one column wide, and keep these pure results across frames (bounded): most rows are the
 * same from one frame to the next. The frames themselves are unchanged. (Both copies of
 * string-width: Ink's, and the older one wrap-ansi has of its own.)
 */
export const inkRenderCaches = {
  name: 'ink-render-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = lazyUnicodeTables(await readFile(args.path, 'utf8'), 'ink-render-caches');
      const uncached = patchSource(source, 'export default function stringWidth(', 'function stringWidthUncached(', 'ink-render-caches');
      return {
        contents: `${uncached}
// One column each, checked against string-width itself: Latin, punctuation such as — and …, × arrows,
// box drawing, ● ○ (not the emoji squares U+25FD/U+25FE) and braille (the spinner).
const NARROW = /^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2500-\\u25FC\\u25FF\\u2800-\\u28FF]*$/;
const widthCache = new Map();
function measure(input) {
  const plain = input.includes('\x1B') || input.includes('\x9B') ? stripAnsi(input) : input;
  return NARROW.test(plain) ? plain.length : stringWidthUncached(input);
}
export default function stringWidth(input, options) {
  if (options !== undefined || typeof input !== 'string') return stringWidthUncached(input, options);
  let width = widthCache.get(input);
  if (width === undefined) {
    width = measure(input);
    if (widthCache.size >= 10000) widthCache.clear();
    widthCache.set(input, width);
  }
  return width;
}
`,
        loader: 'js',
      };
    });
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const shared = patchSource(source, 'caches = new OutputCaches();', 'caches = sharedOutputCaches();', 'ink-render-caches');
      // Every frame starts from a grid of blank cells, a new object per cell (4,800 for 120×40);
      // cells are only ever replaced, never changed, so one blank cell serves them all.
      const blank = patchSource(
        shared,
        `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
        `                row.push(BLANK_CELL);`,
        'ink-render-caches',
      );
      // Every frame also turns every row of cells back into a string. A row whose cells are the
      // very same objects as that row's in the frame before (most rows: the styled characters are
      // cached per line) gives the same string, so the string is kept per row and reused.
      const rows = patchSource(
        blank,
        `        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');`,
        `        const generatedOutput = output.map(rowText).join('\\n');`,
        'ink-render-caches',
      );
      return {
        contents: `${rows}
let previousRows = [];
function rowText(line, y) {
  const previous = previousRows[y];
  if (previous !== undefined && sameCells(previous.cells, line)) return previous.text;
  // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
  const text = styledCharsToString(line.filter(item => item !== undefined)).trimEnd();
  previousRows[y] = { cells: line, text };
  return text;
}
function sameCells(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const BLANK_CELL = { type: 'char', value: ' ', fullWidth: false, styles: [] };
let outputCaches;
function sharedOutputCaches() {
  // A few screens' worth: each cached line holds an object per character (~10 KiB a line).
  if (!outputCaches || outputCaches.styledChars.size > 400 || outputCaches.widths.size > 4000) outputCaches = new OutputCaches();
  return outputCaches;
}
`,
        loader: 'js',
      };
    });
    // Every frame turns each row (every cell of the screen) back into a string, computing the ANSI
    // codes between one cell and the next with three Sets and four arrays, even when both cells have
    // the same style (nearly always): that diff is empty, so skip it then.
    b.onLoad({ filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // One shape for every cell object and one styles array per run of equal style (the arrays are
      // never changed in place: reduceAnsiCodesIncremental makes new ones), not a copy per cell.
      const shared = patchSource(
        source,
        `            ret.push({
                ...token,
                styles: [...codes],
            });`,
        `            ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });`,
        'ink-render-caches',
      );
      const patched = patchSource(
        shared,
        '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '            if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        'ink-render-caches',
      );
      return {
        contents: `${patched}
function sameStyles(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
    return true;
}
`,
        loader: 'js',
      };
    });
  },
};

/**
 * Ink sanitizes the text of every <Text> as it lays out and draws a frame (twice per row), walking
 * each character of any text that holds an escape code through its ANSI tokenizer to strip codes
 * other than SGR and OSC. The rows' text always holds SGR codes (colours, bold, inverse) and
 * nothing else, which the sanitizer keeps byte for byte: return such text as it is. Any other
 * escape or C1 control character takes the original path (test/build/sanitize-ansi-patch.test.ts).
 */
export const inkSanitizeFastPath = {
  name: 'ink-sanitize-fast-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]sanitize-ansi\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = patchSource(
        source,
        'const sanitizeAnsi = (text) => {\n',
        'const ESCAPE_OTHER_THAN_SGR = /\\u001B(?!\\[[\\d:;]*m)|[\\u0080-\\u009F]/;\nconst sanitizeAnsi = (text) => {\n    if (!ESCAPE_OTHER_THAN_SGR.test(text))\n        return text;\n',
        'ink-sanitize-fast-path',
      );
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Ink turns every new line of a frame into styled characters with @alcalzone/ansi-tokenize, which
 * walks the line grapheme by grapheme with Intl.Segmenter: an object per grapheme from ICU, for
 * lines that are nearly always plain ASCII with SGR codes. A line made only of characters that are
 * each a grapheme of their own (ASCII, Latin, the punctuation, arrows, box drawing and braille the
 * screens use; no combining marks, joiners, variation selectors or surrogates) is walked by index
 * instead, with the same result (test/build/ansi-tokenize-patch.test.ts); any other line takes
 * the original path.
 */
export const ansiTokenizeFastPath = {
  name: 'ansi-tokenize-fast-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/ }, async (args) => {
      const source = lazyUnicodeTables(await readFile(args.path, 'utf8'), 'ansi-tokenize-fast-path');
      const patched = patchSource(
        source,
        `export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {
    const ret = [];`,
        `export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {
    if (ONE_GRAPHEME_EACH.test(str))
        return tokenizeByIndex(str, endChar);
    const ret = [];`,
        'ansi-tokenize-fast-path',
      );
      return {
        contents: `${patched}
const ONE_GRAPHEME_EACH = ${ONE_GRAPHEME_EACH};
function tokenizeByIndex(str, endChar) {
    const ret = [];
    let visible = 0;
    for (let index = 0; index < str.length; index++) {
        const codePoint = str.charCodeAt(index);
        if (ESCAPES.has(codePoint)) {
            let code;
            const nextCodePoint = str.codePointAt(index + 1);
            if (nextCodePoint === OSC) {
                code = parseLinkCode(str, index);
                if (code) {
                    ret.push({ type: "ansi", code: code, endCode: getEndCode(code) });
                }
            }
            else if (nextCodePoint === CSI) {
                code = parseSGRSequence(str, index);
                if (code) {
                    for (const individualCode of splitCompoundSGRSequences(code)) {
                        ret.push({ type: "ansi", code: individualCode, endCode: getEndCode(individualCode) });
                    }
                }
            }
            if (code) {
                index += code.length - 1;
                continue;
            }
        }
        const fullWidth = isFullwidthCodePoint(codePoint);
        ret.push({ type: "char", value: str[index], fullWidth });
        visible += fullWidth ? 2 : 1;
        if (visible >= endChar) {
            break;
        }
    }
    return ret;
}
`,
        loader: 'js',
      };
    });
  },
};

/**
 * The SDK's XML parser (every DescribeClusters page) builds each tag name and text one character at
 * a time (`text += x[i++]`): on a cold start that loop runs in the interpreter (~80 ms for one page
 * of 100 clusters) and for 10,000 clusters it was a third of the load time and most of its garbage.
 * Scan with indexOf / a sticky regex and slice instead, and replace parseTag (see PARSE_TAG): one
 * page of 100 emulator clusters went from 3.8 MiB allocated and 11.6 ms to 1.2 MiB and 7.6 ms
 * (warm, Node 20). The result is the same (test/build/xml-parser-patch.test.ts). A slice of 13 or
 * more characters would keep the whole response body alive for as long as the app keeps the value
 * (the cluster list keeps ids, endpoints…), so element text is copied out of it.
 */
/** The replacement for AwsXmlParser#parseTag: returns the element's value and leaves its name in p.tag. */
const PARSE_TAG = `    parseTag() {
        const p = this;
        const x = p.x;
        ++p.i;
        const tag = p.scanTo(TAG_NAME_END);
        let attrs;
        while (p.i < p.z) {
            p.trim();
            if (x[p.i] === ">" || x[p.i] === "/") {
                break;
            }
            const name = p.scanTo(ATTRIBUTE_NAME_END);
            p.trim();
            if (x[p.i] !== "=") {
                break;
            }
            ++p.i;
            p.trim();
            attrs ??= {};
            if (name === "__proto__") {
                writeKey(attrs);
            }
            attrs[name] = p.readAttrValue();
        }
        if (p.i >= p.z) {
            throw new Error("@aws-sdk XML parse error: unexpected end of input.");
        }
        if (x[p.i] === "/") {
            ++p.i;
            if (p.i >= p.z || x[p.i] !== ">") {
                throw new Error("@aws-sdk XML parse error: expected > at the end of self-closing tag.");
            }
            ++p.i;
            p.tag = tag;
            return attrs ?? "";
        }
        if (x[p.i] !== ">") {
            throw new Error("@aws-sdk XML parse error: expected > at the end of opening tag.");
        }
        ++p.i;
        // Text parts: all of them (an element with text only) and those kept beside child elements
        // (not whitespace with a line break).
        let hasText = false;
        let text = "";
        let hasKeptText = false;
        let keptText = "";
        let children;
        while (p.i < p.z) {
            let part;
            if (x[p.i] === "<") {
                if (x.startsWith("</", p.i)) {
                    break;
                }
                if (x.startsWith("<!--", p.i)) {
                    p.readTo("-->");
                    continue;
                }
                if (x.startsWith("<![CDATA[", p.i)) {
                    p.i += 9;
                    part = p.readTo("]]>");
                }
                else if (x.startsWith("<?", p.i)) {
                    p.readTo("?>");
                    continue;
                }
                else {
                    const value = p.parseTag();
                    const childTag = p.tag;
                    children ??= {};
                    if (childTag === "__proto__") {
                        writeKey(children);
                    }
                    if (childTag in children) {
                        const previous = children[childTag];
                        if (Array.isArray(previous)) {
                            previous.push(value);
                        }
                        else {
                            children[childTag] = [previous, value];
                        }
                    }
                    else {
                        children[childTag] = value;
                    }
                    continue;
                }
            }
            else {
                const end = x.indexOf("<", p.i);
                const raw = x.slice(p.i, end === -1 ? p.z : end);
                p.i += raw.length;
                part = raw.includes("&") ? p.decodeEntities(raw) : raw;
            }
            text = hasText ? text + part : part;
            hasText = true;
            if (!(ONLY_SPACE.test(part) && part.includes("\\n"))) {
                keptText = hasKeptText ? keptText + part : part;
                hasKeptText = true;
            }
        }
        if (!x.startsWith("</", p.i)) {
            throw new Error("@aws-sdk XML parse error: missing closing tag </" + tag + ">.");
        }
        p.i += 2;
        if (x.startsWith(tag, p.i) && x[p.i + tag.length] === ">") {
            p.i += tag.length + 1;
        }
        else {
            const closeTag = p.readTo(">").trim();
            if (closeTag !== tag) {
                throw new Error("@aws-sdk XML parse error: mismatched tags <" + tag + "> and </" + closeTag + ">.");
            }
        }
        p.tag = tag;
        if (attrs === undefined && children === undefined) {
            if (!hasText || (ONLY_SPACE.test(text) && text.includes("\\n"))) {
                return "";
            }
            return ownString(text);
        }
        let obj;
        if (!hasKeptText) {
            obj = children ?? {};
        }
        else {
            // "#text" comes first, as the children came after it in the original.
            obj = { "#text": ownString(keptText) };
            for (const key of Object.keys(children ?? {})) {
                const value = children[key];
                if (key === "__proto__") {
                    writeKey(obj);
                }
                if (key in obj) {
                    obj[key] = [obj[key], ...(Array.isArray(value) ? value : [value])];
                }
                else {
                    obj[key] = value;
                }
            }
        }
        for (const key of Object.keys(attrs ?? {})) {
            if (key === "__proto__") {
                writeKey(obj);
            }
            obj[key] = attrs[key];
        }
        return obj;
    }
`;

export const fastXmlParser = {
  name: 'fast-xml-parser',
  setup(b) {
    b.onLoad({ filter: /[\\/]@aws-sdk[\\/]xml-builder[\\/]dist-es[\\/]xml-parser\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      const what = 'fast-xml-parser';
      source = patchSource(
        source,
        `        let value = "";
        while (p.i < p.z && p.x[p.i] !== quote) {
            value += p.x[p.i++];
        }`,
        `        let value = "";
        if (p.i < p.z) {
            const end = p.x.indexOf(quote, p.i);
            value = p.x.slice(p.i, end === -1 ? p.z : end);
            p.i += value.length;
        }`,
        what,
      );
      // parseTag as a whole: besides the scans above, the original wraps every element in a
      // { tag, value } object, gives each one two arrays and an attributes object, and slices and
      // trims every closing tag; this one allocates the values it returns and little else.
      const parseTagStart = source.indexOf('    parseTag() {');
      const parseTagEnd = source.indexOf('    static ENTITIES = {');
      if (parseTagStart === -1 || parseTagEnd < parseTagStart) throw new Error(`${what}: the dependency changed; review the patch in scripts/build-plugins.mjs`);
      source = `${source.slice(0, parseTagStart)}${PARSE_TAG}${source.slice(parseTagEnd)}`;
      source = patchSource(
        source,
        `        const root = p.parseTag();
                return { [root.tag]: root.value };`,
        `        const value = p.parseTag();
                return { [p.tag]: value };`,
        what,
      );
      source = patchSource(source, `    z;\n`, `    z;\n    tag = "";\n`, what);
      // Looking for <!DOCTYPE lower-cased the whole response to compare nine characters.
      source = patchSource(
        source,
        `        return p.x.toLowerCase().startsWith(s.toLowerCase(), p.i);`,
        `        return p.x.slice(p.i, p.i + s.length).toLowerCase() === s.toLowerCase();`,
        what,
      );
      source = patchSource(
        source,
        `    trim() {`,
        `    scanTo(stop) {
        const p = this;
        if (p.i >= p.z) return "";
        stop.lastIndex = p.i;
        const end = stop.test(p.x) ? stop.lastIndex - 1 : p.z;
        const s = p.x.slice(p.i, end);
        p.i = end;
        return s;
    }
    trim() {`,
        what,
      );
      return {
        contents: `${source}
const TAG_NAME_END = /[ \\t\\r\\n>/]/g;
const ONLY_SPACE = /^\\s*$/;
const ATTRIBUTE_NAME_END = /[= \\t\\r\\n>/?]/g;
/** A copy that does not point into the response body (V8 makes slices of 13+ characters views). */
function ownString(s) {
    return s.length < 13 ? s : (" " + s).slice(1);
}
`,
        loader: 'js',
      };
    });
  },
};
