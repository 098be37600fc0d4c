import type { AwsClientOptions } from './client-options.js';
import { configuredEndpoint, configuredRegion, effectiveProfile } from './shared-config.js';

export interface AwsContext {
  profile: string;
  region?: string;
  /** undefined = the standard AWS endpoint for the region. */
  endpoint?: string;
}

/** Profile, region and endpoint as the client will use them, for the header. Never throws. */
export async function describeContext(options: AwsClientOptions = {}): Promise<AwsContext> {
  const [region, endpoint] = await Promise.all([
    options.region ?? configuredRegion(options.profile),
    options.endpointUrl ?? configuredEndpoint('Redshift', options.profile),
  ]);
  return { profile: effectiveProfile(options.profile), region, endpoint };
}
