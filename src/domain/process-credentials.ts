import { terminalText } from './terminal-text.js';

/** What a credential_process prints: the AWS CLI's Version 1 document. */
export interface ProcessCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  accountId?: string;
}

const MAX_STDERR = 300;

/** The process's stderr on one short line, safe for a terminal; undefined when it printed nothing. */
export function stderrSummary(stderr: string): string | undefined {
  const line = stderr
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' / ');
  if (line === '') return undefined;
  const short = line.length > MAX_STDERR ? `${line.slice(0, MAX_STDERR)}…` : line;
  return terminalText(short);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The credentials in the process's stdout, or a sentence saying what is wrong with it (never quoting it: it holds secrets). */
export function parseProcessCredentials(stdout: string, now: Date): ProcessCredentials | string {
  let data: unknown;
  try {
    data = JSON.parse(stdout.trim());
  } catch {
    return 'printed no JSON document on stdout';
  }
  if (typeof data !== 'object' || data === null) return 'printed JSON that is not an object';
  const doc = data as Record<string, unknown>;
  if (doc['Version'] !== 1) return 'printed a document whose Version is not 1';
  const accessKeyId = text(doc['AccessKeyId']);
  const secretAccessKey = text(doc['SecretAccessKey']);
  if (accessKeyId === undefined || secretAccessKey === undefined) return 'printed no AccessKeyId or SecretAccessKey';
  const credentials: ProcessCredentials = { accessKeyId, secretAccessKey };
  const sessionToken = text(doc['SessionToken']);
  if (sessionToken !== undefined) credentials.sessionToken = sessionToken;
  const accountId = text(doc['AccountId']);
  if (accountId !== undefined) credentials.accountId = accountId;
  const expiration = text(doc['Expiration']);
  if (expiration !== undefined) {
    const at = new Date(expiration);
    if (Number.isNaN(at.getTime())) return 'printed an Expiration that is not a timestamp';
    if (at.getTime() < now.getTime()) return `printed credentials that expired at ${at.toISOString()}`;
    credentials.expiration = at;
  }
  return credentials;
}
