import { OPERATION_NAME } from './document.js';
import { formatJson } from './json.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';

export { inputSkeleton, OPERATION_NAME, outputSkeleton, tokenDocument, type TokenResponse } from './document.js';
export { formatJson } from './json.js';
export { DEFAULT_TERMINAL_WIDTH, formatTable, textLength } from './table.js';
export { formatText } from './text.js';
export { formatTimestamp, isoformatUtc, type TimestampFormat } from './timestamp.js';
export { NaiveTimestamp } from './python-values.js';

export const OUTPUT_FORMATS = ['json', 'text', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  /** Table title; the operation name by default. */
  title?: string;
  terminalWidth?: number;
  color?: boolean;
}

/** A value (already filtered by --query) in one of the CLI's output formats, newline-terminated; '' when the CLI prints nothing. */
export function formatOutput(value: unknown, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(value);
    case 'text':
      return formatText(value);
    case 'table':
      return formatTable(value, { title: options.title ?? OPERATION_NAME, terminalWidth: options.terminalWidth, color: options.color });
  }
}
export { applyQuery, checkQuery } from './query.js';
