#!/usr/bin/env node
// Renders real frames of `idc-tui --demo` to SVG for the README: runs the built binary in a
// 120×32 tmux pane, captures it with colours (capture-pane -e), converts the ANSI to SVG.
//   node scripts/screenshot.mjs            → docs/screenshot.svg, docs/screenshot-token.svg
// Needs tmux and a build (npm run build). The token screen shows the masked token only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COLUMNS = 120;
const ROWS = 32;
const socket = `idc-shot-${process.pid}`;

const PALETTE = [
  '#1e1e2e', '#f38ba8', '#a6e3a1', '#f9e2af', '#89b4fa', '#f5c2e7', '#94e2d5', '#bac2de',
  '#585b70', '#f38ba8', '#a6e3a1', '#f9e2af', '#89b4fa', '#f5c2e7', '#94e2d5', '#ffffff',
];
const FG = '#cdd6f4';
const BG = '#1e1e2e';

function xterm256(n) {
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const level = (x) => (x === 0 ? 0 : 55 + x * 40);
  return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
}

const plain = () => ({ fg: null, bg: null, bold: false, dim: false, italic: false, underline: false, inverse: false });

/** Applies one SGR parameter list to a style. */
export function applySgr(style, params) {
  const p = params.length === 0 ? [0] : params;
  for (let i = 0; i < p.length; i++) {
    const n = p[i];
    if (n === 0) Object.assign(style, plain());
    else if (n === 1) style.bold = true;
    else if (n === 2) style.dim = true;
    else if (n === 3) style.italic = true;
    else if (n === 4) style.underline = true;
    else if (n === 7) style.inverse = true;
    else if (n === 22) style.bold = style.dim = false;
    else if (n === 23) style.italic = false;
    else if (n === 24) style.underline = false;
    else if (n === 27) style.inverse = false;
    else if (n >= 30 && n <= 37) style.fg = PALETTE[n - 30];
    else if (n === 39) style.fg = null;
    else if (n >= 40 && n <= 47) style.bg = PALETTE[n - 40];
    else if (n === 49) style.bg = null;
    else if (n >= 90 && n <= 97) style.fg = PALETTE[n - 90 + 8];
    else if (n >= 100 && n <= 107) style.bg = PALETTE[n - 100 + 8];
    else if ((n === 38 || n === 48) && p[i + 1] === 5) {
      style[n === 38 ? 'fg' : 'bg'] = xterm256(p[i + 2] ?? 0);
      i += 2;
    } else if ((n === 38 || n === 48) && p[i + 1] === 2) {
      style[n === 38 ? 'fg' : 'bg'] = `rgb(${p[i + 2] ?? 0},${p[i + 3] ?? 0},${p[i + 4] ?? 0})`;
      i += 4;
    }
  }
  return style;
}

/** Lines of runs {text, col, style} from capture-pane -e output. Style carries across lines, as in the pane. */
export function parseAnsi(text) {
  const style = plain();
  return text.split('\n').map((line) => {
    const runs = [];
    let col = 0;
    let buf = '';
    let start = 0;
    const flush = () => {
      if (buf) runs.push({ text: buf, col: start, style: { ...style } });
      buf = '';
      start = col;
    };
    for (let i = 0; i < line.length; ) {
      if (line[i] === '\u001b') {
        const m = /^\u001b\[([0-9;:]*)([A-Za-z])/u.exec(line.slice(i));
        if (m) {
          if (m[2] === 'm') {
            flush();
            applySgr(style, m[1] === '' ? [] : m[1].split(/[;:]/u).map(Number));
          }
          i += m[0].length;
          continue;
        }
        i += 1;
        continue;
      }
      const ch = String.fromCodePoint(line.codePointAt(i));
      buf += ch;
      col += 1;
      i += ch.length;
    }
    flush();
    return runs;
  });
}

const escapeXml = (s) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A monospace SVG of the parsed lines. */
export function toSvg(lines, columns, rows, title) {
  const cw = 8.4;
  const lh = 18;
  const pad = 12;
  const width = Math.ceil(columns * cw + pad * 2);
  const height = rows * lh + pad * 2;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" rx="6" fill="${BG}"/>`,
    `<g font-family="ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="14" xml:space="preserve">`,
  ];
  lines.slice(0, rows).forEach((runs, row) => {
    const y = pad + row * lh;
    for (const run of runs) {
      let fg = run.style.fg ?? FG;
      let bg = run.style.bg;
      if (run.style.inverse) [fg, bg] = [bg ?? BG, fg];
      const x = pad + run.col * cw;
      const w = [...run.text].length * cw;
      if (bg) out.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${lh}" fill="${bg}"/>`);
      if (run.text.trim() === '') continue;
      const attrs = [`x="${x.toFixed(1)}"`, `y="${y + 13}"`, `fill="${fg}"`, `textLength="${w.toFixed(1)}"`, 'lengthAdjust="spacingAndGlyphs"'];
      if (run.style.bold) attrs.push('font-weight="bold"');
      if (run.style.dim) attrs.push('opacity="0.6"');
      if (run.style.italic) attrs.push('font-style="italic"');
      if (run.style.underline) attrs.push('text-decoration="underline"');
      out.push(`<text ${attrs.join(' ')}>${escapeXml(run.text)}</text>`);
    }
  });
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}

function tmux(args) {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(pattern, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux(['capture-pane', '-p', '-t', 'shot']);
    if (pattern.test(screen)) return screen;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${pattern}; screen:\n${screen}`);
}

async function settle() {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await sleep(100);
    const now = tmux(['capture-pane', '-p', '-e', '-t', 'shot']);
    if (now === last) return now;
    last = now;
  }
  return last;
}

function write(name, text, title) {
  const path = join(root, 'docs', name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, toSvg(parseAnsi(text.replace(/\n$/u, '')), COLUMNS, ROWS, title));
  console.log(`wrote ${path}`);
}

async function main() {
  if (!existsSync(join(root, 'dist', 'launch.js'))) throw new Error('dist/launch.js is missing: run npm run build first.');
  const bin = join(root, 'bin', 'idc-tui.js');
  tmux(['-f', '/dev/null', 'new-session', '-d', '-s', 'shot', '-x', String(COLUMNS), '-y', String(ROWS), '-e', 'TERM=xterm-256color', '-e', 'COLORTERM=truecolor', `node '${bin}' --demo --auto-refresh`]);
  try {
    await waitFor(/36 clusters/u);
    tmux(['send-keys', '-t', 'shot', 'Space', 'Down', 'Space', 'Down', 'Down', 'Down']);
    await waitFor(/2\/20/u);
    write('screenshot.svg', await settle(), 'idc-tui: the cluster list of the demo');
    tmux(['send-keys', '-t', 'shot', 'Enter']);
    const token = await waitFor(/Remaining\s+\d+:\d\d/u);
    if (/[A-Za-z0-9+/]{60,}/u.test(token)) throw new Error('the token screen shows a full token; refusing to write it');
    write('screenshot-token.svg', await settle(), 'idc-tui: the token screen (token masked)');
    tmux(['send-keys', '-t', 'shot', 'q']);
  } finally {
    try {
      tmux(['kill-server']);
    } catch {
      // already gone
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
