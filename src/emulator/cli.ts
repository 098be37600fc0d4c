import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFault, type FaultSpec } from './faults.js';
import type { EmulatorOptions } from './server.js';

export interface EmulatorCliIo {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Stops the server like SIGINT/SIGTERM would; for tests. */
  signal?: AbortSignal;
}

export const USAGE =
  'usage: idc-tui emulator [--port N] [--host H] [--clusters N] [--token-ttl SECONDS] ' +
  '[--fault KIND[:COUNT]]… [--tls-cert FILE --tls-key FILE] [--verbose]';

const EXIT_USAGE = 252;
const EXIT_FAILURE = 255;

class UsageError extends Error {}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function readFileOption(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read --${name} ${path}: ${reason}`);
  }
}

interface CliConfig {
  options: EmulatorOptions;
  verbose: boolean;
  help: boolean;
}

function parseCli(argv: string[]): CliConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        clusters: { type: 'string' },
        'token-ttl': { type: 'string' },
        fault: { type: 'string', multiple: true },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const certPath = values['tls-cert'];
  const keyPath = values['tls-key'];
  if ((certPath === undefined) !== (keyPath === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  let faults: FaultSpec[];
  try {
    faults = (values.fault ?? []).map(parseFault);
  } catch (error) {
    throw new UsageError(`--fault: ${(error as Error).message}`);
  }
  const port = integerOption(values.port, 'port', 0, 65535);
  const clusters = integerOption(values.clusters, 'clusters', 0, 100_000);
  const tokenTtlSeconds = integerOption(values['token-ttl'], 'token-ttl', 1, 366 * 86_400);
  if (values.host === '') throw new UsageError('--host must not be empty');
  const options: EmulatorOptions = {
    faults,
    ...(values.host !== undefined && { host: values.host }),
    ...(port !== undefined && { port }),
    ...(clusters !== undefined && { clusters }),
    ...(tokenTtlSeconds !== undefined && { tokenTtlSeconds }),
    ...(certPath !== undefined &&
      keyPath !== undefined && { tls: { cert: readFileOption(certPath, 'tls-cert'), key: readFileOption(keyPath, 'tls-key') } }),
  };
  return { options, verbose: values.verbose === true, help: values.help === true };
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
  });
}

/** Prints the endpoint URL as the first line on stdout, then serves until SIGINT/SIGTERM. */
export async function startEmulatorCli(argv: string[], io: EmulatorCliIo = {}): Promise<void> {
  const out = io.stdout ?? ((text: string) => void process.stdout.write(text));
  const err = io.stderr ?? ((text: string) => void process.stderr.write(text));
  let config: CliConfig;
  try {
    config = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`idc-tui emulator: ${error.message}\n${USAGE}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  if (config.help) {
    out(`${USAGE}\n`);
    return;
  }
  const { startEmulator } = await import('./server.js');
  const verboseLog: EmulatorOptions['logRequest'] = (entry) =>
    err(`${new Date().toISOString()} ${entry.action || '-'} ${entry.status}${entry.code ? ` ${entry.code}` : ''}\n`);
  let emulator;
  try {
    emulator = await startEmulator({ ...config.options, ...(config.verbose && { logRequest: verboseLog }) });
  } catch (error) {
    err(`idc-tui emulator: cannot start: ${(error as Error).message}\n`);
    process.exitCode = EXIT_FAILURE;
    return;
  }
  const stopped = waitForStop(io.signal);
  out(`${emulator.url}\n`);
  await stopped;
  await emulator.close();
  process.exitCode = 0;
}
