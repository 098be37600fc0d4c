import { describeContext } from './describe-context.js';
import { createSessionInfo } from './identity.js';
import { listProfiles } from './profiles.js';
import { createRedshiftApi, type RedshiftApiOptions } from './redshift-api.js';
import type { AwsTarget, Connection, Switcher } from './workspace-types.js';

export type { AwsTarget, Connection, Switcher } from './workspace-types.js';

/** The Redshift api, STS session info and header context for one profile+region. */
export function connect(options: RedshiftApiOptions): Connection {
  const api = createRedshiftApi(options);
  const session = createSessionInfo(options);
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
