import { randomUUID } from 'node:crypto';

export const REDSHIFT_NAMESPACE = 'http://redshift.amazonaws.com/doc/2012-12-01/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export type Params = Record<string, string>;

export type FaultType = 'Sender' | 'Receiver';

export class QueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: FaultType = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

const MALFORMED_PERCENT = /%(?![0-9A-Fa-f]{2})/;

export function parseForm(text: string): Params {
  if (MALFORMED_PERCENT.test(text)) {
    throw new QueryError(404, 'MalformedQueryString', 'The query string contains a syntax error.');
  }
  const params: Params = Object.create(null) as Params;
  for (const [key, value] of new URLSearchParams(text)) {
    if (!(key in params)) params[key] = value;
  }
  return params;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch] ?? ch);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export type XmlValue = string | number | boolean | undefined;

export function el(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function wrap(name: string, inner: string | undefined): string {
  if (inner === undefined) return '';
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

export function list<T>(name: string, member: string, items: readonly T[], render: (item: T) => string): string {
  return wrap(name, items.map((item) => wrap(member, render(item))).join(''));
}

export function newRequestId(): string {
  return randomUUID();
}

export function successBody(namespace: string, action: string, result: string, requestId: string): string {
  return (
    `<${action}Response xmlns="${namespace}">` +
    `<${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

export function errorBody(namespace: string, error: QueryError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}">` +
    `<Error>${el('Type', error.type)}${el('Code', error.code)}${el('Message', error.message)}</Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`
  );
}

/** Members of a Query-protocol list: Name.Member.1, Name.Member.2, … in index order. */
export function listParam(
  params: Params,
  name: string,
  member: string,
  errorCode = 'InvalidParameterValue',
): string[] | undefined {
  const prefix = `${name}.${member}.`;
  const entries: Array<[number, string]> = [];
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(prefix)) continue;
    const index = key.slice(prefix.length);
    if (!/^[1-9][0-9]{0,4}$/.test(index)) {
      throw new QueryError(400, errorCode, `Invalid list index in parameter ${key}.`);
    }
    entries.push([Number(index), value]);
  }
  if (entries.length === 0) return name in params ? [] : undefined;
  return entries.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}
