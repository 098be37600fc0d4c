import { AppError, ExitCode } from '../domain/errors.js';
import { terminalLines, terminalText } from '../domain/terminal-text.js';

/**
 * One or two lines on stderr; a stack trace only with --debug. Returns the exit code. Messages
 * carry servers' and files' text: control characters are escaped, so one error stays one line.
 */
export function reportError(err: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  if (err instanceof AppError) {
    stderr.write(`idc-tui: ${terminalText(err.message)}\n${err.hint ? `${terminalText(err.hint)}\n` : ''}`);
    if (debug && err.cause instanceof Error && err.cause.stack) stderr.write(`${terminalLines(err.cause.stack)}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  stderr.write(`idc-tui: unexpected error: ${terminalText(message ?? '')}\nRun again with --debug for details.\n`);
  if (debug && err instanceof Error && err.stack) stderr.write(`${terminalLines(err.stack)}\n`);
  return ExitCode.other;
}
