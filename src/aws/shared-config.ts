import {
  booleanSelector,
  CONFIG_PREFIX_SEPARATOR,
  getProfileName,
  loadConfig,
  loadSharedConfigFiles,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  SelectorType,
} from '@smithy/core/config';
import type { ParsedIniData, Profile } from '@smithy/types';

export function effectiveProfile(profile: string | undefined): string {
  return getProfileName({ profile });
}

/** The SDK reads only AWS_REGION; the AWS CLI also reads AWS_DEFAULT_REGION. */
export function regionLoader(profile: string | undefined): () => Promise<string> {
  return loadConfig(
    {
      ...NODE_REGION_CONFIG_OPTIONS,
      environmentVariableSelector: (env) => env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined,
    },
    { ...NODE_REGION_CONFIG_FILE_OPTIONS, profile },
  );
}

export async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  try {
    return await regionLoader(profile)();
  } catch {
    return undefined;
  }
}

function optional<T>(load: () => Promise<T>): Promise<T | undefined> {
  return load().catch(() => undefined);
}

const ignoreConfiguredEndpoints = (profile: string | undefined) =>
  loadConfig<boolean | undefined>(
    {
      environmentVariableSelector: (env) => booleanSelector(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', SelectorType.ENV),
      configFileSelector: (section) => booleanSelector(section, 'ignore_configured_endpoint_urls', SelectorType.CONFIG),
      default: false,
    },
    { profile },
  );

function endpointFromServicesSection(section: Profile, file: ParsedIniData | undefined, serviceId: string): string | undefined {
  const servicesName = section['services'];
  if (servicesName === undefined) return undefined;
  const services = file?.[['services', servicesName].join(CONFIG_PREFIX_SEPARATOR)];
  const key = [serviceId.toLowerCase().replaceAll(' ', '_'), 'endpoint_url'].join(CONFIG_PREFIX_SEPARATOR);
  return services?.[key];
}

/**
 * Endpoint from AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's services section or its endpoint_url.
 * The SDK reads these for AWS_PROFILE only, not for a profile given to the client, hence this loader.
 */
export async function configuredEndpoint(serviceId: string, profile: string | undefined): Promise<string | undefined> {
  if (await optional(ignoreConfiguredEndpoints(profile))) return undefined;
  const serviceEnvName = ['AWS_ENDPOINT_URL', ...serviceId.toUpperCase().split(' ')].join('_');
  return optional(
    loadConfig<string | undefined>(
      {
        environmentVariableSelector: (env) => env[serviceEnvName] || env['AWS_ENDPOINT_URL'] || undefined,
        configFileSelector: (section, file) =>
          endpointFromServicesSection(section, file, serviceId) ?? section['endpoint_url'],
        default: undefined,
      },
      { profile },
    ),
  );
}

/** AWS_CA_BUNDLE or ca_bundle in the profile, as the AWS CLI reads them; the SDK reads neither. */
export function configuredCaBundle(profile: string | undefined): Promise<string | undefined> {
  return optional(
    loadConfig<string | undefined>(
      {
        environmentVariableSelector: (env) => env['AWS_CA_BUNDLE'] || undefined,
        configFileSelector: (section) => section['ca_bundle'],
        default: undefined,
      },
      { profile },
    ),
  );
}

/** Whether the profile is defined in ~/.aws/config or ~/.aws/credentials (or the files the env points to). */
export async function profileExists(profile: string): Promise<boolean> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles();
  return profile in configFile || profile in credentialsFile;
}
