import type { ProxyRoute, ProxyTarget } from '../domain/proxy.js';

/** As the SDK's own agents: connections kept alive, at most 50 per host. */
export const AGENT_DEFAULTS = { keepAlive: true, maxSockets: 50 };

/** What --ca-bundle / AWS_CA_BUNDLE / ca_bundle and --no-verify-ssl say about a server's certificate. */
export interface TlsSettings {
  ca?: string;
  rejectUnauthorized?: boolean;
}

/** Where requests to a host go: directly or through which proxy (the same answer for the same host). */
export type RouteFinder = (target: ProxyTarget) => ProxyRoute;
