/**
 * What `C` (copy as…) puts on the clipboard: the raw token, a JDBC URL, a redshift_connector
 * snippet, or the JSON the scripted mode prints. Pure: no I/O.
 *
 * Parameter names, checked against the drivers:
 * - Amazon Redshift, "Integrating your application or tool with OAuth using a trusted token issuer"
 *   (IdpTokenAuthPlugin; JDBC takes the fully qualified class name as plugin_name, Python the short
 *   name as credentials_provider; `token` and `token_type`):
 *   https://docs.aws.amazon.com/redshift/latest/mgmt/redshift-iam-access-control-idp-connect-oauth.html
 * - JDBC plugin source, keys `token` and `token_type` (matched case-insensitively):
 *   https://github.com/aws/amazon-redshift-jdbc-driver/blob/master/src/main/java/com/amazon/redshift/plugin/IdpTokenAuthPlugin.java
 * - JDBC URL parsing (`jdbc:redshift://host:port/database`, arguments after `?` split on `&` or `;`,
 *   database and values URL-decoded, so `+` would become a space unless encoded):
 *   https://github.com/aws/amazon-redshift-jdbc-driver/blob/master/src/main/java/com/amazon/redshift/Driver.java
 * - Python plugin source: `token`, `token_type`, and `SUBJECT_TOKEN` as the type of the token that
 *   GetIdentityCenterAuthToken returns:
 *   https://github.com/aws/amazon-redshift-python-driver/blob/master/redshift_connector/plugin/idp_token_auth_plugin.py
 * - redshift_connector.connect(credentials_provider=…, host=…, database=…) examples:
 *   https://docs.aws.amazon.com/redshift/latest/mgmt/python-connect-identity-provider-plugins.html
 */
import type { AuthToken, Cluster } from './cluster.js';
import { endpointHost, isPort } from './endpoint-address.js';
import { formatJson } from './output/json.js';
import { tokenDocument } from './output/document.js';
import { cutIndex, terminalText } from './terminal-text.js';

export const COPY_FORMATS = ['token', 'jdbc', 'python', 'json'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

export const COPY_FORMAT_LABELS: Record<CopyFormat, string> = {
  token: 'Token',
  jdbc: 'JDBC URL',
  python: 'Python (redshift_connector)',
  json: 'JSON (as --output json)',
};

export const JDBC_PLUGIN_NAME = 'com.amazon.redshift.plugin.IdpTokenAuthPlugin';
export const PYTHON_CREDENTIALS_PROVIDER = 'IdpTokenAuthPlugin';
/** The token type of a GetIdentityCenterAuthToken token, for both drivers. */
export const TOKEN_TYPE = 'SUBJECT_TOKEN';

/** Where a driver connects: from DescribeClusters (Endpoint.Address, Endpoint.Port, DBName). */
export interface ConnectionTarget {
  /** A host name or an IP address; an IPv6 address without brackets. */
  host: string;
  ipv6?: boolean;
  port: number;
  database: string;
}

/** The longest identifier Redshift accepts, in UTF-8 bytes. */
export const MAX_DATABASE_NAME_BYTES = 127;
const SHOWN_LENGTH = 40;

/** A value from the server for a message: quoted, control characters escaped, cut when long. */
function shown(text: string): string {
  const safe = terminalText(text);
  return `"${safe.length > SHOWN_LENGTH ? `${safe.slice(0, cutIndex(safe, SHOWN_LENGTH))}…` : safe}"`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Why this database name cannot go into a URL or a snippet, or null. */
function databaseProblem(name: string): string | null {
  if (terminalText(name) !== name) return `database name ${shown(name)} contains control characters`;
  if (utf8Length(name) > MAX_DATABASE_NAME_BYTES) return `database name ${shown(name)} is longer than ${MAX_DATABASE_NAME_BYTES} bytes`;
  return null;
}

/**
 * The connection target of a cluster, or why there is none (e.g. still creating, typed in by hand,
 * or an endpoint that is not a host name and port).
 */
export function connectionTarget(cluster: Cluster | undefined, id: string): ConnectionTarget | { missing: string } {
  const name = terminalText(id);
  if (!cluster) return { missing: `${name} is not in the cluster list, so its endpoint is unknown` };
  if (!cluster.endpoint) return { missing: `${name} has no endpoint yet (status ${terminalText(cluster.status)})` };
  if (!cluster.dbName) return { missing: `${name} has no database name in DescribeClusters` };
  const { address, port } = cluster.endpoint;
  const host = endpointHost(address);
  if (!host) return { missing: `${name}'s endpoint address ${shown(address)} is not a host name or an IP address` };
  if (!isPort(port)) return { missing: `${name}'s endpoint port ${shown(String(port))} is not a port number from 1 to 65535` };
  const problem = databaseProblem(cluster.dbName);
  if (problem) return { missing: `${name}'s ${problem}` };
  return { host: host.host, ...(host.ipv6 && { ipv6: true }), port, database: cluster.dbName };
}

/** The host as it goes into a URL: an IPv6 address in brackets. */
export function urlHost(target: ConnectionTarget): string {
  return target.ipv6 ? `[${target.host}]` : target.host;
}

export function jdbcUrl(target: ConnectionTarget, token: string): string {
  const args = [`plugin_name=${JDBC_PLUGIN_NAME}`, `token_type=${TOKEN_TYPE}`, `token=${encodeURIComponent(token)}`];
  return `jdbc:redshift://${urlHost(target)}:${target.port}/${encodeURIComponent(target.database)}?${args.join('&')}`;
}

/** A single-quoted Python 3 string literal that evaluates to text exactly. */
export function pythonString(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if ((code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

export function pythonSnippet(target: ConnectionTarget, token: string): string {
  return [
    'import redshift_connector',
    '',
    'conn = redshift_connector.connect(',
    `    host=${pythonString(target.host)},`,
    `    port=${target.port},`,
    `    database=${pythonString(target.database)},`,
    `    credentials_provider=${pythonString(PYTHON_CREDENTIALS_PROVIDER)},`,
    `    token_type=${pythonString(TOKEN_TYPE)},`,
    `    token=${pythonString(token)},`,
    ')',
    '',
  ].join('\n');
}

/** Exactly what `idc-tui --cluster-ids … --output json` prints (AWS CLI v2 timestamps). */
export function tokenJson(token: AuthToken): string {
  return formatJson(tokenDocument({ Token: token.token, ExpirationTime: token.expiresAt }, 'iso8601'));
}

export type CopyText = { ok: true; text: string } | { ok: false; reason: string };

/** The text of one format; the JDBC URL and the snippet need the cluster's endpoint. */
export function copyText(format: CopyFormat, token: AuthToken, clusterId: string, cluster: Cluster | undefined): CopyText {
  if (format === 'token') return { ok: true, text: token.token };
  if (format === 'json') return { ok: true, text: tokenJson(token) };
  const target = connectionTarget(cluster, clusterId);
  if ('missing' in target) return { ok: false, reason: target.missing };
  return { ok: true, text: format === 'jdbc' ? jdbcUrl(target, token.token) : pythonSnippet(target, token.token) };
}
