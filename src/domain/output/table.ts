import { eastAsianWidthType } from 'get-east-asian-width';
import { isDict, isScalar, pyStr, sortKeys } from './python-values.js';

/**
 * AWS CLI `--output table`: a port of awscli/formatter.py TableFormatter and awscli/table.py
 * MultiTable, down to the centring arithmetic, Python's round-half-even column scaling and the
 * switch to a two-column (vertical) layout when the table is wider than the terminal.
 */
export interface TableOptions {
  /** The operation name, e.g. GetIdentityCenterAuthToken. */
  title: string;
  /** Columns of the terminal; the CLI uses 80 when stdout is not a terminal. */
  terminalWidth?: number;
  /** Colour row values and nesting bars like the CLI's ColorizedStyler. */
  color?: boolean;
}

export const DEFAULT_TERMINAL_WIDTH = 80;

const ESC = '\u001B[';
const RESET = `${ESC}0m`;

interface Styler {
  rowElement(text: string): string;
  indentationChar(text: string): string;
}

const plainStyler: Styler = { rowElement: (t) => t, indentationChar: (t) => t };
const colorStyler: Styler = {
  rowElement: (t) => `${ESC}1m${ESC}34m${t}${RESET}`,
  indentationChar: (t) => `${ESC}2m${ESC}33m${t}${RESET}`,
};

/** Display width as the CLI measures it: East Asian Wide, Fullwidth and Ambiguous count 2. */
export function textLength(text: string): number {
  let width = 0;
  for (const ch of text) {
    const type = eastAsianWidthType(ch.codePointAt(0) ?? 0);
    width += type === 'wide' || type === 'fullwidth' || type === 'ambiguous' ? 2 : 1;
  }
  return width;
}

const spaces = (n: number): string => ' '.repeat(Math.max(0, n));
const floorDiv = (a: number, b: number): number => Math.floor(a / b);

function centerText(text: string, length: number, leftEdge: string, rightEdge: string, textLen = textLength(text)): string {
  const charStart = floorDiv(length, 2) - floorDiv(textLen, 2) - 1;
  const lengthSoFar = textLength(leftEdge) + charStart + textLen;
  const rightSpaces = length - textLength(rightEdge) - lengthSoFar;
  return `${leftEdge}${spaces(charStart)}${text}${spaces(rightSpaces)}${rightEdge}`;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string, textLen = textLength(text)): string {
  const leftPadding = 2;
  const computed = textLen + leftPadding + textLength(leftEdge) + textLength(rightEdge);
  const padding = length - computed >= 0 ? leftPadding : 0;
  const soFar = leftEdge.length + padding + textLen;
  return `${leftEdge}${spaces(padding)}${text}${spaces(length - soFar - rightEdge.length)}${rightEdge}`;
}

/** Python 3's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | undefined;
  private maxWidths: number[] = [];

  calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] ?? 0) - 1;
          offBy -= 1;
        } else {
          scaled[i] = (scaled[i] ?? 0) + 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, withBorder: boolean, outerPadding: number): number {
    let total = 0;
    for (const w of this.calculateColumnWidths()) total += w + padding;
    if (withBorder) total += 2;
    total += 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.numCols ??= headers.length;
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    this.numCols ??= row.length;
    if (row.length !== this.numCols) throw new Error(`Row should have ${this.numCols} elements, instead it has ${row.length}`);
    const texts = row.map(pyStr);
    this.rows.push(texts);
    this.updateMaxWidths(texts);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(textLength);
      return;
    }
    row.forEach((el, i) => {
      this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0);
    });
  }
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | undefined;

  constructor(
    private readonly terminalWidth: number,
    private readonly styler: Styler,
  ) {}

  private get section(): Section {
    if (this.current === undefined) throw new Error('table has no section');
    return this.current;
  }

  addRowHeader(headers: string[]): void {
    this.section.addHeader(headers);
  }

  addRow(row: unknown[]): void {
    this.section.addRow(row);
  }

  newSection(title: string, indentLevel = 0): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  render(): string {
    const out: string[] = [];
    let maxWidth = this.maxWidth();
    if (maxWidth > this.terminalWidth) {
      this.convertToVertical();
      maxWidth = this.maxWidth();
    }
    out.push(`${'-'.repeat(maxWidth)}\n`);
    for (const section of this.sections) this.renderSection(section, maxWidth, out);
    return out.join('');
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, true, s.indentLevel)));
  }

  /** A section with one row and headers becomes header/value pairs, one per line. */
  private convertToVertical(): void {
    this.sections = this.sections.map((section) => {
      const [row] = section.rows;
      if (section.rows.length !== 1 || row === undefined || section.headers.length === 0) return section;
      const vertical = new Section();
      vertical.title = section.title;
      vertical.indentLevel = section.indentLevel;
      section.headers.forEach((header, i) => {
        if (i < row.length) vertical.addRow([header, row[i]]);
      });
      return vertical;
    });
  }

  private renderSection(section: Section, tableWidth: number, out: string[]): void {
    const bar = this.styler.indentationChar('|');
    const indent = bar.repeat(section.indentLevel);
    const line = (text: string) => out.push(`${indent}${text}${indent}\n`);
    const maxWidth = tableWidth - section.indentLevel * 2;
    if (section.title) {
      line(centerText(section.title, maxWidth, '|', '|'));
      if (section.headers.length === 0 && section.rows.length === 0) line(`+${'-'.repeat(maxWidth - 2)}+`);
    }
    if (section.headers.length > 0) {
      const widths = section.calculateColumnWidths(4, maxWidth);
      line(lineBreak(widths));
      line(section.headers.map((h, i) => centerText(h, widths[i] ?? 0, i === 0 ? '|' : '', '|')).join(''));
    }
    if (section.rows.length > 0) {
      const widths = section.calculateColumnWidths(4, maxWidth);
      if (widths.length === 0) return;
      line(lineBreak(widths));
      for (const row of section.rows) {
        line(
          widths
            .slice(0, row.length)
            .map((w, i) => {
              const element = row[i] ?? '';
              return alignLeft(this.styler.rowElement(element), w, i === 0 ? '|' : '', '|', textLength(element));
            })
            .join(''),
        );
      }
      line(lineBreak(widths));
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

class TableBuilder {
  constructor(private readonly table: MultiTable) {}

  build(title: string | undefined, current: unknown, indentLevel = 0): boolean {
    if (isFalsy(current)) return false;
    if (title !== undefined) this.table.newSection(title, indentLevel);
    if (Array.isArray(current)) {
      if (isDict(current[0])) {
        this.subTableFromList(current as Record<string, unknown>[], indentLevel, title);
      } else {
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item);
          // Python iterates a dict's keys here, so a dict becomes a row of its keys.
          else if (isDict(item)) this.table.addRow(Object.keys(item));
          else this.build(undefined, item);
        }
      }
    }
    if (isDict(current)) this.subTableFromDict(current, indentLevel);
    return true;
  }

  private subTableFromDict(current: Record<string, unknown>, indentLevel: number): void {
    const { headers, more } = groupScalarKeys(current);
    if (headers.length === 1) {
      const [only] = headers as [string];
      this.table.addRow([only, current[only]]);
    } else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((k) => current[k]));
    }
    for (const key of more) this.build(key, current[key], indentLevel + 1);
  }

  private subTableFromList(current: Record<string, unknown>[], indentLevel: number, title: string | undefined): void {
    const headers = new Set<string>();
    const more = new Set<string>();
    for (const item of current) {
      const grouped = isDict(item) ? groupScalarKeys(item) : { headers: Object.keys(item), more: [] };
      grouped.headers.forEach((h) => headers.add(h));
      grouped.more.forEach((m) => more.add(m));
    }
    const headerList = sortKeys(headers);
    const moreList = sortKeys(more);
    this.table.addRowHeader(headerList);
    let first = true;
    for (const element of current) {
      if (!first && moreList.length > 0) {
        this.table.newSection(title ?? '', indentLevel);
        this.table.addRowHeader(headerList);
      }
      first = false;
      const dict = isDict(element) ? element : {};
      this.table.addRow(headerList.map((h) => (h in dict ? dict[h] : '')));
      for (const key of moreList) {
        if (key in dict) this.build(key, dict[key], indentLevel + 1);
      }
    }
  }
}

function groupScalarKeys(current: Record<string, unknown>): { headers: string[]; more: string[] } {
  const headers: string[] = [];
  const more: string[] = [];
  for (const [key, value] of Object.entries(current)) (isScalar(value) ? headers : more).push(key);
  return { headers: sortKeys(headers), more: sortKeys(more) };
}

/** Python truthiness of a JSON value. */
function isFalsy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isDict(value)) return Object.keys(value).length === 0;
  return false;
}

/** The table for a value; '' when the CLI prints nothing (null, false, 0, "", [] or {}). */
export function formatTable(value: unknown, options: TableOptions): string {
  const table = new MultiTable(options.terminalWidth ?? DEFAULT_TERMINAL_WIDTH, options.color ? colorStyler : plainStyler);
  return new TableBuilder(table).build(options.title, value) ? table.render() : '';
}
