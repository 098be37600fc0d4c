/**
 * Proxies from the environment, as the AWS CLI takes them (botocore asks Python's urllib:
 * getproxies() and proxy_bypass() on the endpoint's host[:port]). Pure: the environment is passed in.
 */

export interface ProxySetting {
  value: string;
  /** The variable it came from, as spelt: https_proxy, HTTPS_PROXY, no_proxy… */
  variable: string;
}

export interface ProxyEnvironment {
  https?: ProxySetting;
  http?: ProxySetting;
  noProxy?: ProxySetting;
}

export interface ProxyServer {
  /** The proxy's origin, without user name or password: http://proxy.corp:3128 */
  url: string;
  /** The URL for messages and logs, credentials masked as the AWS CLI masks them: http://***:***@proxy.corp:3128 */
  shown: string;
  variable: string;
  /** Percent-decoded; only when both the user name and the password are given (as botocore sends them). */
  credentials?: { username: string; password: string };
  /** The URL has a user name or a password, whether or not both. */
  hasUserInfo: boolean;
}

export type ProxyRoute =
  | { kind: 'direct'; reason: string }
  | { kind: 'proxy'; proxy: ProxyServer }
  | { kind: 'invalid'; variable: string; problem: string };

export interface ProxyTarget {
  protocol: string;
  hostname: string;
  port?: number | string;
}

type Env = Record<string, string | undefined>;

/**
 * A lower-case variable wins over its upper-case twin, and an empty lower-case one turns the other
 * off. Under CGI (REQUEST_METHOD set) HTTP_PROXY may come from a request header, so only http_proxy counts.
 */
function setting(env: Env, lower: string, ignoreUpper = false): ProxySetting | undefined {
  const lowerValue = env[lower];
  if (lowerValue !== undefined) return lowerValue === '' ? undefined : { value: lowerValue, variable: lower };
  const upper = lower.toUpperCase();
  const upperValue = env[upper];
  return upperValue && !ignoreUpper ? { value: upperValue, variable: upper } : undefined;
}

export function readProxyEnvironment(env: Env): ProxyEnvironment {
  const https = setting(env, 'https_proxy');
  const http = setting(env, 'http_proxy', env['REQUEST_METHOD'] !== undefined);
  const noProxy = setting(env, 'no_proxy');
  return { ...(https && { https }), ...(http && { http }), ...(noProxy && { noProxy }) };
}

export function hasProxy(environment: ProxyEnvironment): boolean {
  return environment.https !== undefined || environment.http !== undefined;
}

/**
 * urllib's proxy_bypass_environment: NO_PROXY is "*" (all hosts), or comma-separated names, each
 * matching that host and its subdomains (a leading dot changes nothing), compared with and without
 * the port. IP addresses match as text: no CIDR ranges, as in the AWS CLI.
 */
export function bypassesProxy(netloc: string, noProxy: string): boolean {
  if (noProxy === '*') return true;
  const host = netloc.toLowerCase();
  const hostOnly = /^(.*):(\d*)$/su.exec(host)?.[1] ?? host;
  for (const entry of noProxy.split(',')) {
    const name = entry.trim().replace(/^\.+/u, '').toLowerCase();
    if (name === '') continue;
    if (hostOnly === name || host === name) return true;
    if (hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** host[:port] as it appears in the endpoint URL: the string NO_PROXY is matched against. */
export function netlocOf(target: ProxyTarget): string {
  const host = target.hostname.includes(':') && !target.hostname.startsWith('[') ? `[${target.hostname}]` : target.hostname;
  return target.port === undefined || target.port === '' ? host : `${host}:${target.port}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const FORM = 'http://[USER:PASSWORD@]HOST:PORT';

/** A proxy variable's value as botocore reads it: "host:port" and "//host:port" mean http://. */
export function parseProxy(setting: ProxySetting): ProxyServer | { problem: string } {
  const { value, variable } = setting;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//u.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { problem: `${variable} names a ${scheme}:// proxy; only http:// and https:// proxies are supported (as in the AWS CLI).` };
  }
  const full = scheme !== undefined ? value : value.startsWith('//') ? `http:${value}` : `http://${value}`;
  let url: URL;
  try {
    url = new URL(full);
  } catch {
    return { problem: `${variable} is not a valid proxy URL; give it as ${FORM}.` };
  }
  if (url.hostname === '') return { problem: `${variable} has no host name; give it as ${FORM}.` };
  const username = decoded(url.username);
  const password = decoded(url.password);
  const hasUserInfo = url.username !== '' || url.password !== '';
  const userInfo = hasUserInfo ? `${url.username ? '***' : ''}${url.password ? ':***' : ''}@` : '';
  return {
    url: `${url.protocol}//${url.host}`,
    shown: `${url.protocol}//${userInfo}${url.host}`,
    variable,
    hasUserInfo,
    ...(username !== '' && password !== '' && { credentials: { username, password } }),
  };
}

/** The proxy passwords the environment holds, for a log to redact wherever they might turn up. */
export function proxyPasswords(environment: ProxyEnvironment): string[] {
  return [environment.https, environment.http].flatMap((setting) => {
    const proxy = setting === undefined ? undefined : parseProxy(setting);
    return proxy !== undefined && 'credentials' in proxy && proxy.credentials ? [proxy.credentials.password] : [];
  });
}

/** Where a request to target goes: straight to it, or through which proxy. */
export function proxyRoute(target: ProxyTarget, environment: ProxyEnvironment): ProxyRoute {
  const secure = target.protocol.replace(/:$/u, '') === 'https';
  const chosen = secure ? environment.https : environment.http;
  if (chosen === undefined) return { kind: 'direct', reason: secure ? 'https_proxy and HTTPS_PROXY are not set' : 'http_proxy and HTTP_PROXY are not set' };
  const { noProxy } = environment;
  if (noProxy !== undefined && bypassesProxy(netlocOf(target), noProxy.value)) return { kind: 'direct', reason: `${noProxy.variable} matches it` };
  const proxy = parseProxy(chosen);
  return 'problem' in proxy ? { kind: 'invalid', variable: chosen.variable, problem: proxy.problem } : { kind: 'proxy', proxy };
}

/** One line for --debug: which proxy a host is reached through, or why none. */
export function describeRoute(target: ProxyTarget, route: ProxyRoute): string {
  const origin = `${target.protocol.replace(/:?$/u, ':')}//${netlocOf(target)}`;
  switch (route.kind) {
    case 'proxy':
      return `proxy for ${origin}: ${route.proxy.shown} (from ${route.proxy.variable})`;
    case 'direct':
      return `no proxy for ${origin}: ${route.reason}`;
    case 'invalid':
      return `proxy for ${origin}: ${route.problem}`;
  }
}
