import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import type { RunningEmulator } from '../../src/emulator/server.js';

export const NS = 'http://redshift.amazonaws.com/doc/2012-12-01/';
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export function redshift(emu: RunningEmulator, extra: { maxAttempts?: number } = {}): RedshiftClient {
  return new RedshiftClient({ region: 'us-east-1', endpoint: emu.url, credentials: CREDENTIALS, ...extra });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

export async function post(
  emu: { url: string },
  form: Record<string, string> | string,
  headers: Record<string, string> = { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/us-east-1/redshift/aws4_request' },
): Promise<RawResponse> {
  const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  const res = await fetch(emu.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

export function errorXml(code: string, message: string, requestId: string, type = 'Sender', ns = NS): string {
  return (
    `<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type><Code>${code}</Code>` +
    `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** A certificate for 127.0.0.1, and for dnsNames too when given (e.g. a name only a test proxy resolves). */
export function selfSignedCert(dnsNames: readonly string[] = []): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'idc-emu-tls-'));
  const altNames = ['IP:127.0.0.1', ...dnsNames.map((name) => `DNS:${name}`)].join(',');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-addext', `subjectAltName=${altNames}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };
  }
  throw new Error('expected the promise to reject');
}

/** Status of an HTTPS GET that does not verify the server certificate. */
export function insecureGetStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
