import { loadSharedConfigFiles } from '@smithy/core/config';

/** Where the SDK's credential chain takes the credentials from, as far as the error messages need to know. */
export type CredentialSource =
  | { kind: 'environment'; variables: string[] }
  | { kind: 'process'; profile: string; command: string }
  | { kind: 'role'; profile: string; roleArn: string; sourceProfile?: string; sourceMissing?: boolean }
  | { kind: 'other'; profile: string };

const ENV_KEY = 'AWS_ACCESS_KEY_ID';
const ENV_SECRET = 'AWS_SECRET_ACCESS_KEY';
const ENV_SESSION = 'AWS_SESSION_TOKEN';

/**
 * The variables holding the credentials when they come from the environment: the SDK takes them
 * only when no profile is named (--profile, AWS_PROFILE) and both the key and the secret are set.
 */
export function environmentCredentials(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  if (profile !== undefined || env['AWS_PROFILE'] || !env[ENV_KEY] || !env[ENV_SECRET]) return undefined;
  return env[ENV_SESSION] ? [ENV_KEY, ENV_SECRET, ENV_SESSION] : [ENV_KEY, ENV_SECRET];
}

/** In the order the SDK's ini provider tries them: a role first, then keys and web identity, then a process. */
export async function credentialSource(profile: string | undefined): Promise<CredentialSource> {
  const variables = environmentCredentials(profile);
  if (variables !== undefined) return { kind: 'environment', variables };
  const name = profile ?? (process.env['AWS_PROFILE'] || 'default');
  const { configFile, credentialsFile } = await loadSharedConfigFiles();
  const section: Record<string, string | undefined> = { ...configFile[name], ...credentialsFile[name] };
  const roleArn = section['role_arn'];
  const sourceProfile = section['source_profile'];
  const viaSource = sourceProfile !== undefined && section['credential_source'] === undefined;
  const viaCredentialSource = section['credential_source'] !== undefined && sourceProfile === undefined;
  if (roleArn !== undefined && (viaSource || viaCredentialSource)) {
    if (!viaSource) return { kind: 'role', profile: name, roleArn };
    const sourceMissing = !(sourceProfile in configFile) && !(sourceProfile in credentialsFile);
    return { kind: 'role', profile: name, roleArn, sourceProfile, sourceMissing };
  }
  const keys = section['aws_access_key_id'] !== undefined && section['aws_secret_access_key'] !== undefined;
  const webIdentity = roleArn !== undefined && section['web_identity_token_file'] !== undefined;
  const command = section['credential_process'];
  if (!keys && !webIdentity && command !== undefined) return { kind: 'process', profile: name, command };
  return { kind: 'other', profile: name };
}
