import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/core/config';
import type { ParsedIniData } from '@smithy/types';

import type { ProfileInfo, ProfileKind } from './workspace-types.js';

export type { ProfileInfo, ProfileKind } from './workspace-types.js';

/** Sections of the config file that are not profiles: [sso-session x], [services x]. */
const NON_PROFILE_PREFIXES = ['sso-session', 'services'].map((p) => `${p}${CONFIG_PREFIX_SEPARATOR}`);

function profileNames(file: ParsedIniData): string[] {
  return Object.keys(file).filter((name) => !NON_PROFILE_PREFIXES.some((prefix) => name.startsWith(prefix)));
}

function kindOf(section: Record<string, string | undefined>): ProfileKind {
  if (section['sso_session'] || section['sso_start_url']) return 'sso';
  if (section['role_arn'] && section['web_identity_token_file']) return 'web-identity';
  if (section['role_arn']) return 'role';
  if (section['credential_process']) return 'process';
  if (section['aws_access_key_id']) return 'keys';
  return 'other';
}

/**
 * The profiles of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE), sorted by name. [sso-session x] sections are not profiles; the
 * profiles that use them are, and say which session.
 */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...profileNames(configFile), ...profileNames(credentialsFile)]);
  return [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const config = configFile[name];
      const credentials = credentialsFile[name];
      const merged = { ...credentials, ...config };
      const source = config && credentials ? 'both' : config ? 'config' : 'credentials';
      const info: ProfileInfo = { name, kind: kindOf(merged), source };
      if (merged['region']) info.region = merged['region'];
      if (merged['sso_session']) info.ssoSession = merged['sso_session'];
      return info;
    });
}
