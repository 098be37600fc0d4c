/** What can be read off anything thrown by the SDK, Node or the credential chain. */
export interface ErrorFacts {
  name: string;
  code: string;
  /** The error code exactly as the service sent it (e.g. ClusterNotFound), when it sent one. */
  wireCode?: string;
  message: string;
  status?: number;
  attempts?: number;
  errno?: string;
}

/** AWS messages are kept whole (an AccessDenied names the principal and the resource); this only bounds a hostile one. */
const MAX_SERVICE_MESSAGE = 2000;

function firstLine(text: string): string {
  const line = (text.split(/\r?\n/u).find((l) => l.trim() !== '') ?? '').trim();
  return line.length > MAX_SERVICE_MESSAGE ? `${line.slice(0, MAX_SERVICE_MESSAGE)}…` : line;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function readFacts(error: unknown): ErrorFacts {
  const metadata = field(error, '$metadata');
  const name = text(field(error, 'name')) ?? 'Error';
  const wireCode = text(field(error, 'Code')) ?? text(field(field(error, 'Error'), 'Code'));
  const code = wireCode ?? name;
  const status = field(metadata, 'httpStatusCode');
  const attempts = field(metadata, 'attempts');
  const cause = field(error, 'cause');
  return {
    name,
    code: code.replace(/(Fault|Exception)$/u, ''),
    wireCode,
    message: firstLine(text(field(error, 'message')) ?? String(error)),
    status: typeof status === 'number' ? status : undefined,
    attempts: typeof attempts === 'number' ? attempts : undefined,
    errno: text(field(error, 'code')) ?? text(field(cause, 'code')),
  };
}

/** A few words on why the SDK is retrying, e.g. "Throttling (HTTP 400)" or "ECONNRESET". */
export function retryReason(error: unknown): string {
  if (error === undefined) return 'retrying';
  const facts = readFacts(error);
  if (facts.status !== undefined) return `${facts.code} (HTTP ${facts.status})`;
  return facts.errno ?? facts.name;
}
