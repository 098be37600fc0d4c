import type { RedshiftClient } from '@aws-sdk/client-redshift';
import type { AuthToken, Cluster } from '../domain/cluster.js';
import type { AppError } from '../domain/errors.js';
import type { CallOptions, RedshiftApi } from './api.js';
import { observeCall, type CallObserver } from './call-observer.js';
import { createRedshiftClient } from './client.js';
import type { AwsClientOptions } from './client-options.js';
import { toAppError, unknownProfileError, type RedshiftAction } from './error-messages.js';
import { getTokenRaw, toAuthToken, type TokenAnswer } from './get-token.js';
import { listClusters, type ListingLimits } from './list-clusters.js';
import { withClockOffset } from './clock-offset.js';
import { environmentCredentials } from './credential-source.js';
import { effectiveProfile, profileExists } from './shared-config.js';

export type { AwsClientOptions } from './client-options.js';

export interface RedshiftApiOptions extends AwsClientOptions {
  /** MaxRecords per DescribeClusters page (20 to 100, default 100). */
  pageSize?: number;
  /** How many pages and clusters a listing may reach (LISTING_LIMITS unless given). */
  listingLimits?: Partial<ListingLimits>;
}

export interface AwsRedshiftApi extends RedshiftApi {
  /** The SDK answer as is (its Token and ExpirationTime checked), for scripted output; errors are AppError like the rest. */
  getTokenRaw(clusterIds: readonly string[], opts?: CallOptions): Promise<TokenAnswer>;
  readonly client: RedshiftClient;
  destroy(): void;
}

export function createRedshiftApi(options: RedshiftApiOptions = {}): AwsRedshiftApi {
  const client = createRedshiftClient(options);
  const namedProfile = options.profile ?? process.env['AWS_PROFILE'];

  async function explain(error: unknown, action: RedshiftAction, observer: CallObserver, clusterIds?: readonly string[]): Promise<AppError> {
    const region = options.region ?? (await client.config.region().catch(() => undefined));
    const mapped = toAppError(error, {
      action,
      clusterIds,
      profile: effectiveProfile(options.profile),
      region,
      endpoint: observer.lastEndpoint ?? options.endpointUrl,
      environmentVariables: options.signRequest === false ? undefined : environmentCredentials(options.profile),
    });
    if ((mapped.kind === 'config' || mapped.kind === 'credentials') && namedProfile && !(await profileExists(namedProfile).catch(() => true))) {
      return unknownProfileError(namedProfile, error);
    }
    return mapped;
  }

  async function getRaw(clusterIds: readonly string[], opts: CallOptions = {}): Promise<TokenAnswer> {
    const observer = observeCall(opts);
    try {
      return await getTokenRaw(client, clusterIds, { signal: opts.signal, withCommand: observer.withCommand });
    } catch (error) {
      throw await explain(error, 'GetIdentityCenterAuthToken', observer, clusterIds);
    }
  }

  async function* listPages(opts: CallOptions = {}): AsyncGenerator<Cluster[]> {
    const observer = observeCall(opts);
    try {
      yield* listClusters(client, { pageSize: options.pageSize, limits: options.listingLimits, signal: opts.signal, withCommand: observer.withCommand });
    } catch (error) {
      throw await explain(error, 'DescribeClusters', observer);
    }
  }

  return {
    client,
    listClusters: listPages,
    getTokenRaw: getRaw,
    async getToken(clusterIds: readonly string[], opts?: CallOptions): Promise<AuthToken> {
      const token = toAuthToken(await getRaw(clusterIds, opts));
      return withClockOffset(token, client);
    },
    destroy: () => client.destroy(),
  };
}
