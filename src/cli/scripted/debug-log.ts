import { inspect } from 'node:util';
import type { SdkLogger } from '../../aws/client-options.js';
import type { HttpExchangeLog } from '../../aws/http-log.js';
import { Redactor } from '../../domain/redact.js';
import { terminalLines } from '../../domain/terminal-text.js';

export interface DebugLog {
  line(text: string): void;
  logger: SdkLogger;
  trace: (line: string) => void;
  http: HttpExchangeLog;
  redactor: Redactor;
}

function render(content: unknown[]): string {
  return content.map((c) => (typeof c === 'string' ? c : inspect(c, { depth: 6, breakLength: Infinity, compact: true }))).join(' ');
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n');
}

/**
 * --debug: the SDK's log, one line per attempt, and each HTTP request and answer with headers and
 * body, on stderr. Everything passes through a Redactor; an answer is printed only after the SDK
 * has parsed it, once the Redactor knows the values it parsed as secret (the token).
 */
export function createDebugLog(write: (text: string) => void, redactor = new Redactor()): DebugLog {
  const line = (text: string) => {
    const stamp = new Date().toISOString();
    const body = redactor.redact(text);
    write(terminalLines(`${body.split('\n').map((l, i) => (i === 0 ? `${stamp} [debug] ${l}` : `  ${l}`)).join('\n')}\n`));
  };
  const sdk = (level: string) => (...content: unknown[]) => line(`sdk ${level}: ${render(content)}`);
  return {
    line,
    redactor,
    logger: { debug: sdk('debug'), info: sdk('info'), warn: sdk('warn'), error: sdk('error') },
    trace: (text) => line(text),
    http: {
      request: ({ method, url, headers, body }) => line(`HTTP request: ${method} ${url}\n${headerLines(headers)}\n  body: ${body}`),
      response: ({ status, headers, body, secrets }) => {
        for (const secret of secrets) redactor.add(secret);
        line(`HTTP response: ${status}\n${headerLines(headers)}\n  body: ${redactor.redactDocument(body)}`);
      },
    },
  };
}
