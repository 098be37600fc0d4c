import { exec } from 'node:child_process';
import type { AwsCredentialIdentity } from '@smithy/types';
import { parseProcessCredentials, stderrSummary } from '../domain/process-credentials.js';

/** A credential_process that failed: its exit status (or signal) and its own stderr, made safe and short. */
export class CredentialProcessFailure extends Error {
  constructor(
    readonly profile: string,
    readonly problem: string,
    readonly stderr: string | undefined,
  ) {
    super(`credential_process of profile ${profile} ${problem}`);
    this.name = 'CredentialProcessFailure';
  }
}

function failure(error: { code?: number | string | null; signal?: NodeJS.Signals | null }): string {
  if (typeof error.code === 'number') return `failed (exit status ${error.code})`;
  if (error.signal) return `was killed by ${error.signal}`;
  return `failed (${String(error.code ?? 'unknown error')})`;
}

/**
 * Runs the profile's credential_process through the shell, as the SDK does, but keeps what the SDK
 * drops on a failure: the exit status and the process's stderr.
 */
export function runCredentialProcess(profile: string, command: string): Promise<AwsCredentialIdentity> {
  return new Promise((resolve, reject) => {
    exec(command, { windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        reject(new CredentialProcessFailure(profile, failure(error), stderrSummary(stderr)));
        return;
      }
      const parsed = parseProcessCredentials(stdout, new Date());
      if (typeof parsed === 'string') reject(new CredentialProcessFailure(profile, parsed, stderrSummary(stderr)));
      else resolve(parsed);
    });
  });
}

const REFRESH_BEFORE_MS = 5 * 60_000;

/** Runs the process once and again only when its credentials are within five minutes of expiring, like the SDK's cache. */
export function processProvider(profile: string, command: string): () => Promise<AwsCredentialIdentity> {
  let cached: AwsCredentialIdentity | undefined;
  let running: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (c: AwsCredentialIdentity) => c.expiration === undefined || c.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS;
  return async () => {
    if (cached !== undefined && fresh(cached)) return cached;
    running ??= runCredentialProcess(profile, command)
      .then((c) => (cached = c))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}
