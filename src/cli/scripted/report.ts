import { Writable } from 'node:stream';
import type { Redactor } from '../../domain/redact.js';
import { reportError } from '../report-error.js';

const RED = '\u001B[31m';
const RESET = '\u001B[0m';

/**
 * The lead's reportError (one or two lines, stack only with --debug), with secrets redacted and
 * the first line in red when colour is on. Returns the exit code.
 */
export function reportScriptedError(
  err: unknown,
  opts: { debug: boolean; color: boolean; redactor?: Redactor; write?: (text: string) => void },
): number {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  const code = reportError(err, opts.debug, sink);
  const redacted = opts.redactor ? opts.redactor.redact(text) : text;
  const shown = opts.color ? redacted.replace(/^([^\n]*)/u, `${RED}$1${RESET}`) : redacted;
  (opts.write ?? ((t: string) => process.stderr.write(t)))(shown);
  return code;
}
