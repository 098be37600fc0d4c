import { AppError } from '../domain/errors.js';
import type { ProxyServer } from '../domain/proxy.js';
import type { ErrorFacts } from './error-facts.js';
import { TLS_CODE } from './local-error-messages.js';

/**
 * A proxy answered for itself: CONNECT with something other than 200 (no tunnel to the endpoint
 * was made), or 407 to a plain-HTTP request.
 */
export class ProxyRefusedError extends Error {
  /** 5xx: the proxy could not reach the endpoint this time; the SDK may retry. */
  readonly $retryable?: object;

  constructor(
    readonly statusCode: number,
    readonly statusText: string,
    readonly target: string,
  ) {
    super(`The proxy answered a request for ${target} with HTTP ${statusCode}.`);
    this.name = 'ProxyRefusedError';
    if (statusCode >= 500) this.$retryable = {};
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const proxies = new WeakMap<object, ProxyServer>();
const failedAtProxy = new WeakSet<object>();

/** Notes which proxy the request that failed with error went through. */
export function rememberProxy(error: unknown, proxy: ProxyServer): void {
  if (isObject(error)) proxies.set(error, proxy);
}

export function proxyOf(error: unknown): ProxyServer | undefined {
  return isObject(error) ? proxies.get(error) : undefined;
}

/** Notes that error came from the proxy's own connection: while connecting to it, or from a plain-HTTP one. */
export function markFailedAtProxy(error: unknown): void {
  if (isObject(error)) failedAtProxy.add(error);
}

/** How an error on the proxy's own connection is said. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'timed out',
};

/** A proxy's status text, printable and short: it is the proxy's to choose. */
function statusWords(code: number, text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/gu, '').trim().slice(0, 60);
  return clean === '' ? `HTTP ${code}` : `HTTP ${code} ${clean}`;
}

function network(message: string, hint: string, code: string, retryable: boolean, error: unknown): AppError {
  return new AppError('network', message, { hint, code, retryable, cause: error });
}

function authenticationRequired(proxy: ProxyServer, error: unknown): AppError {
  const from = `The proxy ${proxy.shown} (from ${proxy.variable})`;
  const encode = 'percent-encode special characters (@ as %40, : as %3A, % as %25)';
  if (proxy.credentials) {
    return network(`${from} did not accept the user name and password (HTTP 407).`, `Check them in ${proxy.variable}; ${encode}.`, 'ProxyAuthenticationRequired', false, error);
  }
  const form = proxy.url.replace('://', '://USER:PASSWORD@');
  return network(`${from} asks for a user name and password (HTTP 407).`, `Give both in ${proxy.variable}: ${form}, and ${encode}.`, 'ProxyAuthenticationRequired', false, error);
}

function connectRefused(proxy: ProxyServer, refused: ProxyRefusedError): AppError {
  const from = `The proxy ${proxy.shown} (from ${proxy.variable})`;
  const status = statusWords(refused.statusCode, refused.statusText);
  const host = refused.target.replace(/:\d*$/u, '');
  if (refused.statusCode >= 500) {
    return network(`${from} could not connect to ${refused.target} (${status}).`, 'Check the endpoint URL and the region; retry if the proxy was only busy.', 'ProxyConnectFailed', true, refused);
  }
  return network(`${from} refused to connect to ${refused.target} (${status}).`, `Ask the proxy's administrators to allow ${host}, or add it to NO_PROXY if it can be reached without the proxy.`, 'ProxyConnectRefused', false, refused);
}

/** The proxy refused, asked for credentials, or could not be reached: said as such, naming the proxy (never its password). */
export function proxyProblem(facts: ErrorFacts, error: unknown): AppError | undefined {
  const proxy = proxyOf(error);
  if (proxy === undefined) return undefined;
  if (error instanceof ProxyRefusedError) return error.statusCode === 407 ? authenticationRequired(proxy, error) : connectRefused(proxy, error);
  if (!isObject(error) || !failedAtProxy.has(error)) return undefined;
  const code = facts.errno ?? facts.name;
  if (TLS_CODE.test(code)) {
    return network(
      `The TLS certificate of the proxy ${proxy.shown} (from ${proxy.variable}) is not trusted (${code}).`,
      'Pass --ca-bundle with the CA that signed it (it is used for the proxy and the endpoint alike), or --no-verify-ssl to skip the check (unsafe).',
      code,
      false,
      error,
    );
  }
  return network(
    `Cannot reach the proxy ${proxy.shown} (from ${proxy.variable}): ${UNREACHABLE[code] ?? 'the connection ended before it answered'}.`,
    `Check ${proxy.variable} and that the proxy is running; hosts to reach without it go in NO_PROXY.`,
    code,
    true,
    error,
  );
}

/** A failure on the way through a proxy names that proxy first on the detail line. */
export function withProxyDetail(mapped: AppError, error: unknown, facts: ErrorFacts): AppError {
  const proxy = proxyOf(error);
  if (proxy === undefined || mapped.message.includes(proxy.shown)) return mapped;
  const throughProxy = mapped.kind === 'network' || mapped.code === 'MalformedResponse' || (facts.status !== undefined && facts.status >= 500);
  if (!throughProxy) return mapped;
  const via = `Through the proxy ${proxy.shown} (from ${proxy.variable}).`;
  return new AppError(mapped.kind, mapped.message, {
    hint: mapped.hint ? `${via} ${mapped.hint}` : via,
    code: mapped.code,
    retryable: mapped.retryable,
    cause: mapped.cause,
  });
}
