import { AppError } from '../domain/errors.js';

const watched = new WeakSet<NodeJS.WritableStream>();

/** An 'error' event with no listener crashes the process (and Node then prints the bundle's minified source line). */
function listenForErrors(stream: NodeJS.WritableStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', () => {
    // each write gets its error in its callback (writeOut), or there is no one left to tell (stderr)
  });
}

/** stderr: a write that fails (closed, full disk) cannot be reported anywhere, and must not crash the run. */
export function ignoreWriteErrors(stream: NodeJS.WritableStream): void {
  listenForErrors(stream);
}

/** "ENOSPC: no space left on device, write" → "no space left on device (ENOSPC)". */
function describe(error: NodeJS.ErrnoException): string {
  const parts = /^([A-Z][A-Z0-9_]*): (.+?)(?:, \w+)?$/u.exec(error.message);
  return parts ? `${parts[2]} (${parts[1]})` : error.message;
}

/** A reader that went away (`| head`) is not an error, as in the AWS CLI. */
function readerGone(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
}

/**
 * Writes the result to stdout and resolves once it has been handed to the operating system.
 * A write that fails (`> /dev/full`) rejects with one line (exit 255), like the AWS CLI's
 * "[Errno 28] No space left on device".
 */
export function writeOut(text: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  listenForErrors(stream);
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error | null) => {
      if (!error || readerGone(error)) resolve();
      else reject(new AppError('other', `Cannot write the output: ${describe(error)}.`, { code: (error as NodeJS.ErrnoException).code, cause: error }));
    };
    try {
      stream.write(text, settle);
    } catch (error) {
      settle(error as Error);
    }
  });
}
