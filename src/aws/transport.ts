import { readFile } from 'node:fs/promises';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { AppError } from '../domain/errors.js';
import { describeRoute, hasProxy, netlocOf, proxyRoute, readProxyEnvironment, type ProxyRoute, type ProxyTarget } from '../domain/proxy.js';
import { AGENT_DEFAULTS, type RouteFinder, type TlsSettings } from './agent-options.js';
import { AttemptDeadlineHandler, attemptDeadlineMs } from './attempt-deadline.js';
import { DEFAULT_TIMEOUT_MS, type AwsClientOptions } from './client-options.js';
import { HandshakeTimeoutAgent } from './handshake-timeout.js';
import { ProxyRefusedError } from './proxy-errors.js';
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

async function tlsSettings(options: AwsClientOptions): Promise<TlsSettings> {
  const caPath = options.caBundle ?? (await configuredCaBundle(options.profile));
  return {
    ...(caPath === undefined ? {} : { ca: await readCaBundle(caPath) }),
    ...(options.verifySsl === false ? { rejectUnauthorized: false } : {}),
  };
}

const isHttps = (protocol: string) => protocol.replace(/:$/u, '') === 'https';
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** The target with its scheme normalised and its default port dropped, as the endpoint URL writes it. */
function normalTarget(target: ProxyTarget): ProxyTarget {
  const protocol = target.protocol.replace(/:?$/u, ':');
  const port = target.port === undefined || String(target.port) === DEFAULT_PORTS[protocol] ? undefined : target.port;
  return { protocol, hostname: target.hostname, ...(port !== undefined && { port }) };
}

type Handle = NodeHttpHandler['handle'];

/**
 * A plain-HTTP request through a proxy that wants credentials gets the proxy's own 407 as its
 * answer (an HTML page, as a rule): that is said as the proxy's, before anything reads it as
 * the endpoint's. (Through a CONNECT tunnel the proxy agent says it.)
 */
class ProxyAnswerHandler extends AttemptDeadlineHandler {
  constructor(
    options: ConstructorParameters<typeof AttemptDeadlineHandler>[0],
    deadlineMs: number,
    private readonly routeFor: RouteFinder,
  ) {
    super(options, deadlineMs);
  }

  override async handle(...[request, options]: Parameters<Handle>): ReturnType<Handle> {
    const result = await super.handle(request, options);
    const { statusCode, reason, body } = result.response;
    if (statusCode !== 407 || this.routeFor(request).kind !== 'proxy') return result;
    (body as { destroy?: () => void } | undefined)?.destroy?.();
    throw new ProxyRefusedError(407, reason ?? '', `${request.hostname}${request.port === undefined ? '' : `:${request.port}`}`);
  }
}

export interface Transport {
  handler: NodeHttpHandler;
  /**
   * Before each request: for https, the CA bundle must be readable; the proxy settings that apply
   * to the host must make sense. Throws an AppError when not; else says where the request goes.
   */
  prepare(target: ProxyTarget): Promise<ProxyRoute>;
}

/**
 * The one HTTP transport of every client we make: timeouts, TLS settings, and proxies from the
 * environment as the AWS CLI reads them. The proxy agents load only when a proxy variable is set.
 */
export function transport(options: AwsClientOptions): Transport {
  // Read now, reported only when an https request needs it (an http endpoint works without it).
  const tls = tlsSettings(options);
  tls.catch(() => undefined);
  const environment = options.direct ? {} : readProxyEnvironment(process.env);
  const routes = new Map<string, ProxyRoute>();
  const routeFor: RouteFinder = (given) => {
    const target = normalTarget(given);
    const key = `${target.protocol}//${netlocOf(target)}`;
    let route = routes.get(key);
    if (route === undefined) {
      route = proxyRoute(target, environment);
      routes.set(key, route);
      options.routeLog?.(describeRoute(target, route));
    }
    return route;
  };
  const timeouts = {
    connectionTimeout: options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    socketTimeout: options.readTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const handler = new ProxyAnswerHandler(async () => {
    const settings = await tls.catch((): TlsSettings => ({}));
    const direct = new HandshakeTimeoutAgent({ ...AGENT_DEFAULTS, ...settings }, timeouts.connectionTimeout);
    if (!hasProxy(environment)) return { ...timeouts, httpsAgent: direct };
    const { proxyAgents } = await import('./proxy-agents.js');
    return { ...timeouts, ...proxyAgents({ routeFor, tls: settings, direct, connectTimeoutMs: timeouts.connectionTimeout }) };
  }, attemptDeadlineMs(options), routeFor);
  return {
    handler,
    async prepare(target) {
      if (isHttps(target.protocol)) await tls;
      const route = routeFor(target);
      if (route.kind === 'invalid') throw new AppError('config', route.problem, { hint: `Fix ${route.variable}, or unset it to connect directly.` });
      return route;
    },
  };
}
