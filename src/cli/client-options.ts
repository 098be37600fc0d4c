import type { AwsClientOptions } from '../aws/client-options.js';
import type { CliOptions } from './options.js';

const ms = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : seconds * 1000);

/** The AWS layer's options from the command line; unset fields fall back to env and config there. Shared by the TUI and scripted mode. */
export function awsClientOptions(options: CliOptions): AwsClientOptions {
  return {
    profile: options.profile,
    region: options.region,
    endpointUrl: options.endpointUrl,
    caBundle: options.caBundle,
    verifySsl: options.verifySsl,
    signRequest: options.signRequest,
    connectTimeoutMs: ms(options.connectTimeoutSeconds),
    readTimeoutMs: ms(options.readTimeoutSeconds),
  };
}
