import { RedshiftClient } from '@aws-sdk/client-redshift';
import { STSClient } from '@aws-sdk/client-sts';
import { NoAuthSigner } from '@smithy/core';
import { NoOpLogger } from '@smithy/core/client';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { InitializeMiddleware, MiddlewareStack } from '@smithy/types';
import { addAttemptListener } from './attempt-listener.js';
import type { AwsClientOptions } from './client-options.js';
import { configuredEndpoint, regionLoader } from './shared-config.js';
import { transport } from './transport.js';

/**
 * Says nothing. A NoOpLogger to the SDK's logger middleware, which then skips copying every answer
 * with its sensitive fields redacted for a log that nobody reads (any other logger, even a silent
 * one, costs that on every page); yet not named NoOpLogger, which the credential chain would take
 * as "no logger" and warn on the console instead.
 */
class SilentLogger extends NoOpLogger {}

const NO_AUTH = 'smithy.api#noAuth';
const unsignedRequests = {
  httpAuthSchemeProvider: () => [{ schemeId: NO_AUTH }],
  httpAuthSchemes: [{ schemeId: NO_AUTH, identityProvider: () => async () => ({}), signer: new NoAuthSigner() }],
};

function sharedConfig(options: AwsClientOptions, handler: NodeHttpHandler) {
  return {
    profile: options.profile,
    region: options.region ?? regionLoader(options.profile),
    endpoint: options.endpointUrl,
    maxAttempts: options.maxAttempts,
    requestHandler: handler,
    logger: options.logger ?? new SilentLogger(),
    ...(options.signRequest === false ? unsignedRequests : {}),
  };
}

function refuseWithoutTransport<I extends object, O extends object>(stack: MiddlewareStack<I, O>, ready: Promise<unknown>): void {
  const waitForTransport: InitializeMiddleware<I, O> = (next) => async (args) => {
    await ready;
    return next(args);
  };
  stack.add(waitForTransport, { step: 'initialize', name: 'idcTuiTransportReady' });
}

interface ConfiguredEndpointHolder {
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
}

function honourProfileEndpoint(config: ConfiguredEndpointHolder, serviceId: string, options: AwsClientOptions): void {
  if (options.endpointUrl !== undefined || options.profile === undefined) return;
  let endpoint: Promise<string | undefined> | undefined;
  config.serviceConfiguredEndpoint = () => (endpoint ??= configuredEndpoint(serviceId, options.profile));
}

function traceAttempts(client: RedshiftClient | STSClient, trace: (line: string) => void): void {
  addAttemptListener(client.middlewareStack, 'idcTuiTrace', {
    onAttempt: (a) => trace(`→ ${a.method} ${a.url} ${a.commandName} (attempt ${a.number}${a.maxAttempts ? `/${a.maxAttempts}` : ''})`),
    onAnswer: (a, status, requestId) => trace(`← ${status} ${a.commandName}${requestId ? ` request-id ${requestId}` : ''}`),
    onFailure: (a, error) => trace(`✗ ${a.commandName}: ${error instanceof Error ? error.name : String(error)}`),
  });
}

function prepare<C extends RedshiftClient | STSClient>(client: C, serviceId: string, options: AwsClientOptions, ready: Promise<unknown>): C {
  honourProfileEndpoint(client.config, serviceId, options);
  refuseWithoutTransport(client.middlewareStack, ready);
  if (options.trace) traceAttempts(client, options.trace);
  return client;
}

export function createRedshiftClient(options: AwsClientOptions = {}): RedshiftClient {
  const { handler, ready } = transport(options);
  return prepare(new RedshiftClient(sharedConfig(options, handler)), 'Redshift', options, ready);
}

export function createStsClient(options: AwsClientOptions = {}): STSClient {
  const { handler, ready } = transport(options);
  return prepare(new STSClient(sharedConfig(options, handler)), 'STS', options, ready);
}
