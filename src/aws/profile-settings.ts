import { loadSharedConfigFiles } from '@smithy/core/config';
import { effectiveProfile } from './shared-config.js';

/**
 * A setting from the profile's section of the AWS config file (e.g. `output`,
 * `cli_timestamp_format`), as the AWS CLI reads it. undefined when the file, profile or key is
 * absent; never throws.
 */
export async function profileSetting(profile: string | undefined, key: string): Promise<string | undefined> {
  try {
    const { configFile } = await loadSharedConfigFiles();
    const value = configFile[effectiveProfile(profile)]?.[key];
    return value === undefined || value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}
