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
import { formatJson } from './output/json.js';
import { tokenDocument } from './output/document.js';

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
  host: string;
  port: number;
  database: string;
}

/** The connection target of a cluster, or why there is none (e.g. still creating, or typed in by hand). */
export function connectionTarget(cluster: Cluster | undefined, id: string): ConnectionTarget | { missing: string } {
  if (!cluster) return { missing: `${id} is not in the cluster list, so its endpoint is unknown` };
  if (!cluster.endpoint) return { missing: `${id} has no endpoint yet (status ${cluster.status})` };
  if (!cluster.dbName) return { missing: `${id} has no database name in DescribeClusters` };
  return { host: cluster.endpoint.address, port: cluster.endpoint.port, database: cluster.dbName };
}

export function jdbcUrl(target: ConnectionTarget, token: string): string {
  const args = [`plugin_name=${JDBC_PLUGIN_NAME}`, `token_type=${TOKEN_TYPE}`, `token=${encodeURIComponent(token)}`];
  return `jdbc:redshift://${target.host}:${target.port}/${encodeURIComponent(target.database)}?${args.join('&')}`;
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
