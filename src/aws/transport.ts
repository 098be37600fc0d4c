import { readFile } from 'node:fs/promises';
import type { AgentOptions } from 'node:https';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { AppError } from '../domain/errors.js';
import { AttemptDeadlineHandler, attemptDeadlineMs } from './attempt-deadline.js';
import { DEFAULT_TIMEOUT_MS, type AwsClientOptions } from './client-options.js';
import { HandshakeTimeoutAgent } from './handshake-timeout.js';
import { configuredCaBundle } from './shared-config.js';

async function readCaBundle(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AppError('config', `Cannot read the CA bundle "${path}" (${reason}).`, {
      hint: 'Check the path given with --ca-bundle, AWS_CA_BUNDLE or ca_bundle in the profile.',
      cause: error,
    });
  }
}

async function httpsAgentOptions(options: AwsClientOptions): Promise<AgentOptions> {
  const caPath = options.caBundle ?? (await configuredCaBundle(options.profile));
  return {
    keepAlive: true,
    maxSockets: 50,
    ...(caPath === undefined ? {} : { ca: await readCaBundle(caPath) }),
    ...(options.verifySsl === false ? { rejectUnauthorized: false } : {}),
  };
}

export interface Transport {
  handler: NodeHttpHandler;
  /** Rejects when the TLS settings cannot be loaded; checked before each request. */
  ready: Promise<unknown>;
}

export function transport(options: AwsClientOptions): Transport {
  const agent = httpsAgentOptions(options);
  agent.catch(() => undefined);
  const timeouts = {
    connectionTimeout: options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    socketTimeout: options.readTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const handler = new AttemptDeadlineHandler(
    () =>
      agent.then(
        (httpsAgent) => ({ ...timeouts, httpsAgent: new HandshakeTimeoutAgent(httpsAgent, timeouts.connectionTimeout) }),
        () => timeouts,
      ),
    attemptDeadlineMs(options),
  );
  return { handler, ready: agent };
}
