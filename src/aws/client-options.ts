/** The logger shape the AWS SDK accepts. */
export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/** Everything the AWS CLI lets a user say about how to reach Redshift. Unset fields fall back to env and config like the CLI. */
export interface AwsClientOptions {
  /** --profile; else AWS_PROFILE; else "default". */
  profile?: string;
  /** --region; else AWS_REGION / AWS_DEFAULT_REGION; else the profile's region. */
  region?: string;
  /** Redshift's endpoint: --endpoint-url; else AWS_ENDPOINT_URL_REDSHIFT / AWS_ENDPOINT_URL; else the profile's. Never STS's, as in the AWS CLI. */
  endpointUrl?: string;
  /** STS's endpoint when set (the demo's emulator); else AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL; else the profile's. */
  stsEndpointUrl?: string;
  /** Total attempts including the first; else AWS_MAX_ATTEMPTS / max_attempts; else the SDK default (3). */
  maxAttempts?: number;
  /** 0 = no timeout. Default 60 s, as the AWS CLI. */
  connectTimeoutMs?: number;
  /** Longest silence on the socket while waiting for the answer. 0 = no timeout. Default 60 s, as the AWS CLI. */
  readTimeoutMs?: number;
  /** Path of a PEM file with the CAs to trust; else AWS_CA_BUNDLE; else ca_bundle in the profile. */
  caBundle?: string;
  /** false = do not check the server certificate (--no-verify-ssl). */
  verifySsl?: boolean;
  /** false = send requests unsigned (--no-sign-request). */
  signRequest?: boolean;
  /** Receives the SDK's own log (commands with sensitive fields such as Token redacted). Without it the SDK stays silent. */
  logger?: SdkLogger;
  /** One line per HTTP attempt and answer: method, URL, status, request id. Never bodies or headers. */
  trace?: (line: string) => void;
  /** true: connect directly whatever HTTPS_PROXY / HTTP_PROXY say (the demo's embedded emulator). */
  direct?: boolean;
  /** Told once per host which proxy (credentials masked) requests to it go through, or why none. */
  routeLog?: (line: string) => void;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
