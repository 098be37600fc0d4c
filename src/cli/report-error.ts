import { AppError, ExitCode } from '../domain/errors.js';

/** One or two lines on stderr; a stack trace only with --debug. Returns the exit code. */
export function reportError(err: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  if (err instanceof AppError) {
    stderr.write(`idc-tui: ${err.userText}\n`);
    if (debug && err.cause instanceof Error && err.cause.stack) stderr.write(`${err.cause.stack}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  stderr.write(`idc-tui: unexpected error: ${message}\nRun again with --debug for details.\n`);
  if (debug && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  return ExitCode.other;
}
