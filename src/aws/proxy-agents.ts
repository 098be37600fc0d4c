import { Agent as HttpAgent, type ClientRequest, type OutgoingHttpHeaders } from 'node:http';
import type { AgentConnectOpts } from 'agent-base';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { ProxyServer } from '../domain/proxy.js';
import { limitHandshake } from './handshake-timeout.js';
import { markFailedAtProxy, ProxyRefusedError } from './proxy-errors.js';
import { AGENT_DEFAULTS, type RouteFinder, type TlsSettings } from './agent-options.js';

/** What node:http calls on an agent; not in @types/node. */
interface RequestTaker {
  addRequest(req: ClientRequest, options: RequestOptions): void;
}

interface RequestOptions {
  host?: string;
  hostname?: string;
  port?: number | string;
  protocol?: string;
}

function proxyHeaders(proxy: ProxyServer): OutgoingHttpHeaders {
  if (!proxy.credentials) return {};
  const { username, password } = proxy.credentials;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

/**
 * https endpoints: a CONNECT tunnel through the proxy, then TLS to the endpoint with the CA
 * settings (--ca-bundle, AWS_CA_BUNDLE, --no-verify-ssl) and the connect timeout's handshake
 * limit. A proxy that answers CONNECT with anything but 200 fails the request with that answer,
 * rather than handing the proxy's own page to the SDK as if the endpoint had sent it.
 */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: ProxyServer,
    private readonly tls: TlsSettings,
    private readonly connectTimeoutMs: number,
  ) {
    // The same TLS settings for an https:// proxy's own certificate, as urllib3 uses them.
    super(proxy.url, { ...AGENT_DEFAULTS, ...tls, headers: proxyHeaders(proxy) });
  }

  override async connect(req: ClientRequest, opts: AgentConnectOpts) {
    let answer: { statusCode: number; statusText: string } | undefined;
    const onProxyConnect = (connect: { statusCode: number; statusText: string }) => {
      answer = connect;
    };
    req.once('proxyConnect', onProxyConnect);
    let socket: Awaited<ReturnType<HttpsProxyAgent<string>['connect']>>;
    try {
      socket = await super.connect(req, { ...opts, ...this.tls } as AgentConnectOpts);
    } catch (error) {
      if (answer === undefined) markFailedAtProxy(error);
      throw error;
    } finally {
      req.off('proxyConnect', onProxyConnect);
    }
    if (answer !== undefined && answer.statusCode !== 200) {
      socket.destroy();
      throw new ProxyRefusedError(answer.statusCode, answer.statusText, `${opts.host ?? ''}:${opts.port ?? ''}`);
    }
    if (opts.secureEndpoint) limitHandshake(socket, this.connectTimeoutMs);
    return socket;
  }
}

/**
 * http endpoints: the request goes to the proxy whole, its request line naming the endpoint
 * (absolute form). The proxy is the only peer of the connection, so its failures are the proxy's.
 */
class ForwardingAgent extends HttpProxyAgent<string> {
  constructor(proxy: ProxyServer, tls: TlsSettings) {
    super(proxy.url, { ...AGENT_DEFAULTS, ...tls, headers: proxyHeaders(proxy) });
  }

  override addRequest(...args: Parameters<HttpProxyAgent<string>['addRequest']>): void {
    args[0].on('error', markFailedAtProxy);
    super.addRequest(...args);
  }
}

/** Hands each request to the agent for its route: straight to the host, or through its proxy. */
class RoutingAgent extends HttpAgent {
  private readonly agents = new Map<string, HttpAgent>();

  constructor(
    private readonly scheme: 'http:' | 'https:',
    private readonly routeFor: RouteFinder,
    private readonly direct: HttpAgent,
    private readonly throughProxy: (proxy: ProxyServer) => HttpAgent,
  ) {
    super(AGENT_DEFAULTS);
    // node:http checks these against the request's protocol and uses the port when none is given.
    Object.assign(this, { protocol: scheme, defaultPort: scheme === 'https:' ? 443 : 80 });
  }

  private agentFor(options: RequestOptions): HttpAgent {
    const route = this.routeFor({ protocol: this.scheme, hostname: options.host ?? options.hostname ?? 'localhost', port: options.port });
    if (route.kind !== 'proxy') return this.direct;
    let agent = this.agents.get(route.proxy.url);
    if (agent === undefined) {
      agent = this.throughProxy(route.proxy);
      this.agents.set(route.proxy.url, agent);
    }
    return agent;
  }

  addRequest(req: ClientRequest, options: RequestOptions): void {
    // With the protocol named, the proxy agents file a freed socket under the name they look it up
    // by (else they guess from the call stack, and a kept-alive tunnel is never used again).
    (this.agentFor(options) as unknown as RequestTaker).addRequest(req, { ...options, protocol: this.scheme });
  }

  override destroy(): void {
    this.direct.destroy();
    for (const agent of this.agents.values()) agent.destroy();
    super.destroy();
  }
}

export interface ProxyAgentSetup {
  routeFor: RouteFinder;
  tls: TlsSettings;
  /** The agent for https hosts reached without a proxy. */
  direct: HttpAgent;
  connectTimeoutMs: number;
}

/** The SDK handler's agents when a proxy variable is set: each request goes the way its host's route says. */
export function proxyAgents(setup: ProxyAgentSetup): { httpAgent: HttpAgent; httpsAgent: HttpAgent } {
  const { routeFor, tls, direct, connectTimeoutMs } = setup;
  return {
    httpsAgent: new RoutingAgent('https:', routeFor, direct, (proxy) => new TunnelAgent(proxy, tls, connectTimeoutMs)),
    httpAgent: new RoutingAgent('http:', routeFor, new HttpAgent(AGENT_DEFAULTS), (proxy) => new ForwardingAgent(proxy, tls)),
  };
}
