import type { AwsClientOptions } from './client-options.js';
import { describeContext } from './describe-context.js';
import { createSessionInfo } from './identity.js';
import { listProfiles } from './profiles.js';
import { createRedshiftApi, type RedshiftApiOptions } from './redshift-api.js';
import type { AwsTarget, Connection, Switcher } from './workspace-types.js';

export type { AwsTarget, Connection, Switcher } from './workspace-types.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Where STS GetCallerIdentity goes. An --endpoint-url on this machine is taken to be the emulator,
 * which answers STS too; any other Redshift endpoint is not an STS endpoint, so STS then follows
 * its own configuration (AWS_ENDPOINT_URL_STS, the profile's endpoint_url, the default).
 */
export function stsEndpointFor(options: AwsClientOptions): string | undefined {
  if (!options.endpointUrl) return undefined;
  try {
    return LOOPBACK.has(new URL(options.endpointUrl).hostname) ? options.endpointUrl : undefined;
  } catch {
    return undefined;
  }
}

/** The Redshift api, STS session info and header context for one profile+region. */
export function connect(options: RedshiftApiOptions): Connection {
  const api = createRedshiftApi(options);
  const session = createSessionInfo({ ...options, endpointUrl: stsEndpointFor(options) });
  return {
    api,
    session,
    context: () => describeContext(options),
    close: () => {
      api.destroy();
      session.destroy();
    },
  };
}

/**
 * Profile and region switching over the SDK. base holds what the command line said (endpoint,
 * timeouts, TLS…); each target replaces the profile and the region.
 */
export function createSwitcher(base: RedshiftApiOptions): Switcher {
  return {
    apiFor: (target: AwsTarget) => connect({ ...base, profile: target.profile, region: target.region }),
    profiles: () => listProfiles(),
  };
}
