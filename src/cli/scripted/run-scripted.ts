import { readClockOffset } from '../../aws/clock-offset.js';
import { ExitCode } from '../../domain/errors.js';
import { validateClusterIds } from '../../domain/cluster-ids.js';
import { formatJson, inputSkeleton } from '../../domain/output/index.js';
import { proxyPasswords, readProxyEnvironment } from '../../domain/proxy.js';
import { Redactor } from '../../domain/redact.js';
import { assessTokenTiming, scriptedTimingWarning } from '../../domain/token-timing.js';
import { awsClientOptions } from '../client-options.js';
import { resolveColor } from '../color.js';
import { ignoreWriteErrors, writeOut } from '../output-stream.js';
import type { CliOptions } from '../options.js';
import { VERSION } from '../version.js';
import { readCliInput } from './cli-input.js';
import { createDebugLog, type DebugLog } from './debug-log.js';
import { formatOutputSkeleton, formatResult } from './format-result.js';
import { reportScriptedError } from './report.js';
import { resolveOutputSettings } from './settings.js';

export interface ScriptedIo {
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

/** Cluster IDs from --cluster-ids, else from --cli-input-json (the command line wins), checked against every ID rule. */
export async function resolveClusterIds(options: CliOptions): Promise<string[]> {
  const input = options.cliInputJson === undefined ? {} : await readCliInput(options.cliInputJson);
  const ids = options.clusterIds ?? input.ClusterIds ?? [];
  const problem = validateClusterIds(ids);
  if (problem) throw problem;
  return ids;
}

async function printSkeleton(options: CliOptions, out: (text: string) => Promise<void>, io: ScriptedIo): Promise<number> {
  if (options.generateCliSkeleton === 'input') {
    await out(formatJson(inputSkeleton()));
    return ExitCode.ok;
  }
  // `output` validates the input like a real call would, then prints a sample answer; no request.
  await resolveClusterIds(options);
  const { settings } = await resolveOutputSettings(options, { env: io.env, stdout: io.stdout });
  await out(formatOutputSkeleton(settings));
  return ExitCode.ok;
}

async function callAndPrint(
  options: CliOptions,
  out: (text: string) => Promise<void>,
  warn: (line: string) => void,
  io: ScriptedIo,
  debug: DebugLog | undefined,
  signal: AbortSignal,
): Promise<number> {
  const ids = await resolveClusterIds(options);
  const { settings, sources } = await resolveOutputSettings(options, { env: io.env, stdout: io.stdout });
  sources.forEach((s) => debug?.line(`setting ${s}`));
  const demo = options.demo ? await (await import('../demo.js')).startDemo(options) : undefined;
  try {
    const { createRedshiftApi } = await import('../../aws/redshift-api.js');
    const api = createRedshiftApi({
      ...awsClientOptions(demo?.options ?? options),
      ...demo?.client,
      ...(debug ? { logger: debug.logger, trace: debug.trace, routeLog: debug.line } : {}),
    });
    try {
      if (debug) {
        const { addHttpExchangeLog } = await import('../../aws/http-log.js');
        addHttpExchangeLog(api.client.middlewareStack, debug.http);
      }
      debug?.line(`GetIdentityCenterAuthToken ClusterIds=${JSON.stringify(ids)}`);
      const raw = await api.getTokenRaw(ids, { signal, onRetry: (attempt, reason) => debug?.line(`retry: attempt ${attempt} after ${reason}`) });
      const receivedAt = Date.now();
      debug?.redactor.add(raw.Token);
      await out(formatResult(raw, settings));
      const timing = assessTokenTiming({ expiresAt: raw.ExpirationTime, receivedAt, clockOffsetMs: readClockOffset(api.client) });
      const warning = scriptedTimingWarning(timing, raw.ExpirationTime);
      if (warning) warn(warning);
      return ExitCode.ok;
    } finally {
      api.destroy();
    }
  } finally {
    await demo?.close();
  }
}

/**
 * The non-interactive path: `--generate-cli-skeleton`, or one GetIdentityCenterAuthToken call
 * printed like the AWS CLI v2. Returns the exit code; errors are reported here. Ctrl-C → 130.
 */
export async function runScripted(options: CliOptions, mode: 'skeleton' | 'scripted', io: ScriptedIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const out = (text: string) => writeOut(text, stdout);
  ignoreWriteErrors(stderr);
  const err = (text: string) => stderr.write(text);
  const redactor = new Redactor();
  for (const password of proxyPasswords(readProxyEnvironment(env))) redactor.add(password);
  const debug = options.debug ? createDebugLog(err, redactor) : undefined;
  debug?.line(`idc-tui/${VERSION} node/${process.versions.node} ${process.platform} mode ${mode}`);

  const controller = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return mode === 'skeleton'
      ? await printSkeleton(options, out, { ...io, env, stdout })
      : await callAndPrint(options, out, (line) => err(`${line}\n`), { ...io, env, stdout }, debug, controller.signal);
  } catch (error) {
    if (interrupted) {
      if (stderr.isTTY) err('\n');
      return ExitCode.interrupted;
    }
    const color = resolveColor(options.colorMode, env, Boolean(stderr.isTTY));
    return reportScriptedError(error, { debug: options.debug, color, redactor, write: err });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
