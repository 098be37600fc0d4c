import type { RedshiftApi } from './api.js';

/** Types the UI sees for identity, profiles and switching; no SDK in here. */

export interface CallerIdentity {
  account: string;
  arn: string;
}

/** Who the credentials belong to and when they stop working: what the header shows. */
export interface SessionInfo {
  /** STS GetCallerIdentity. Rejects when the credentials or the network fail. */
  identity(): Promise<CallerIdentity>;
  /** When the credentials expire (SSO, assumed role, credential_process…); undefined for long-term keys. */
  credentialsExpiry(): Promise<Date | undefined>;
}

export type ProfileKind = 'sso' | 'role' | 'process' | 'keys' | 'web-identity' | 'other';

export interface ProfileInfo {
  name: string;
  region?: string;
  kind: ProfileKind;
  /** Where it is defined: config, credentials or both. */
  source: 'config' | 'credentials' | 'both';
  /** The sso-session it uses, if any. */
  ssoSession?: string;
}

/** A profile and region to work in; region undefined = what the profile / environment says. */
export interface AwsTarget {
  profile: string;
  region?: string;
}

/** What the header shows about where requests go. */
export interface ConnectionContext {
  profile?: string;
  region?: string;
  endpoint?: string;
}

/** The services for one profile+region. */
export interface Connection {
  api: RedshiftApi;
  session?: SessionInfo;
  /** Region and endpoint as the client resolves them. */
  context(): Promise<ConnectionContext>;
  /** Releases sockets; called once the UI has moved to another connection. */
  close?(): void;
}

/** Switching profile and region: what P and R need. */
export interface Switcher {
  /** Builds the api (and session) for a profile+region. */
  apiFor(target: AwsTarget): Connection;
  profiles(): Promise<ProfileInfo[]>;
}
