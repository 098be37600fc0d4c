import { RedshiftClient } from '@aws-sdk/client-redshift';
import { STSClient } from '@aws-sdk/client-sts';
import { NoAuthSigner } from '@smithy/core';
import { NoOpLogger } from '@smithy/core/client';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BuildMiddleware, HttpRequest, MiddlewareStack } from '@smithy/types';
import { addAttemptListener } from './attempt-listener.js';
import type { AwsClientOptions } from './client-options.js';
import { nameCredentialFailures } from './credential-failures.js';
import { keepEndpointPath } from './endpoint-path.js';
import { rememberProxy } from './proxy-errors.js';
import { configuredEndpoint, regionLoader } from './shared-config.js';
import { transport, type Transport } from './transport.js';
import { retrySettingsProblem } from '../domain/retry-settings.js';

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

function sharedConfig(options: AwsClientOptions, endpoint: string | undefined, handler: NodeHttpHandler) {
  return {
    profile: options.profile,
    region: options.region ?? regionLoader(options.profile),
    endpoint,
    maxAttempts: options.maxAttempts,
    requestHandler: handler,
    logger: options.logger ?? new SilentLogger(),
    ...(options.signRequest === false ? unsignedRequests : {}),
  };
}

/**
 * Before each request leaves (and before it is signed): the endpoint's path as given, the retry
 * settings of the environment, the transport's checks (CA bundle for https, proxy settings), and a note on a failure of which proxy
 * it went through.
 */
function throughTransport<I extends object, O extends object>(stack: MiddlewareStack<I, O>, { prepare }: Transport): void {
  const middleware: BuildMiddleware<I, O> = (next, context) => async (args) => {
    const request = args.request as HttpRequest;
    keepEndpointPath(request, context);
    const retryProblem = retrySettingsProblem(process.env);
    if (retryProblem !== undefined) throw retryProblem;
    const route = await prepare({ protocol: request.protocol, hostname: request.hostname, port: request.port });
    try {
      return await next(args);
    } catch (error) {
      if (route.kind === 'proxy') rememberProxy(error, route.proxy);
      throw error;
    }
  };
  stack.add(middleware, { step: 'build', name: 'idcTuiTransport' });
}

interface ConfiguredEndpointHolder {
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
}

function honourProfileEndpoint(config: ConfiguredEndpointHolder, serviceId: string, endpoint: string | undefined, profile: string | undefined): void {
  if (endpoint !== undefined || profile === undefined) return;
  let configured: Promise<string | undefined> | undefined;
  config.serviceConfiguredEndpoint = () => (configured ??= configuredEndpoint(serviceId, profile));
}

function traceAttempts(client: RedshiftClient | STSClient, trace: (line: string) => void): void {
  addAttemptListener(client.middlewareStack, 'idcTuiTrace', {
    onAttempt: (a) => trace(`→ ${a.method} ${a.url} ${a.commandName} (attempt ${a.number}${a.maxAttempts ? `/${a.maxAttempts}` : ''})`),
    onAnswer: (a, status, requestId) => trace(`← ${status} ${a.commandName}${requestId ? ` request-id ${requestId}` : ''}`),
    onFailure: (a, error) => trace(`✗ ${a.commandName}: ${error instanceof Error ? error.name : String(error)}`),
  });
}

function prepare<C extends RedshiftClient | STSClient>(client: C, serviceId: string, endpoint: string | undefined, options: AwsClientOptions, via: Transport): C {
  honourProfileEndpoint(client.config, serviceId, endpoint, options.profile);
  nameCredentialFailures(client.config, options.profile);
  throughTransport(client.middlewareStack, via);
  if (options.trace) traceAttempts(client, options.trace);
  return client;
}

export function createRedshiftClient(options: AwsClientOptions = {}): RedshiftClient {
  const via = transport(options);
  return prepare(new RedshiftClient(sharedConfig(options, options.endpointUrl, via.handler)), 'Redshift', options.endpointUrl, options, via);
}

/** STS follows its own endpoint settings: --endpoint-url is Redshift's only, as in the AWS CLI. */
export function createStsClient(options: AwsClientOptions = {}): STSClient {
  const via = transport(options);
  return prepare(new STSClient(sharedConfig(options, options.stsEndpointUrl, via.handler)), 'STS', options.stsEndpointUrl, options, via);
}
