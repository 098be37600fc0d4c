/** Exit codes follow the AWS CLI. */
export const ExitCode = {
  ok: 0,
  usage: 252,
  config: 253,
  service: 254,
  other: 255,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * `credentials`: a profile that is missing or whose credential source fails (SSO not logged in, a
 * failing credential_process): the AWS CLI v2 exits 255 for these, and 253 only when there is no
 * configuration at all (no credentials, no region).
 */
export type ErrorKind = 'usage' | 'config' | 'credentials' | 'service' | 'network' | 'other';

const exitFor: Record<ErrorKind, ExitCodeValue> = {
  usage: ExitCode.usage,
  config: ExitCode.config,
  credentials: ExitCode.other,
  service: ExitCode.service,
  network: ExitCode.other,
  other: ExitCode.other,
};

/** An error with one line for the user: what is wrong, and how to fix it. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly hint?: string;
  /** AWS error code when the service answered, e.g. ClusterNotFound. */
  readonly code?: string;
  readonly retryable: boolean;

  constructor(kind: ErrorKind, message: string, opts: { hint?: string; code?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.hint = opts.hint;
    this.code = opts.code;
    this.retryable = opts.retryable ?? false;
  }

  get exitCode(): ExitCodeValue {
    return exitFor[this.kind];
  }

  /** Message and remedy on at most two lines. */
  get userText(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}
