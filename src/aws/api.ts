import type { AuthToken, Cluster } from '../domain/cluster.js';

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Called when the SDK is about to retry (throttling, 5xx), so the UI can say "retrying…".
   * attempt is 2 for the first retry; maxAttempts is the SDK's limit when it is known.
   */
  onRetry?: (attempt: number, reason: string, maxAttempts?: number) => void;
}

/**
 * What the UI and the scripted mode need from Redshift. The real one lives in src/aws;
 * tests of the UI pass a fake. Errors are thrown as AppError with a user message.
 */
export interface RedshiftApi {
  /** Yields clusters page by page as DescribeClusters answers. */
  listClusters(opts?: CallOptions): AsyncIterable<Cluster[]>;
  getToken(clusterIds: readonly string[], opts?: CallOptions): Promise<AuthToken>;
}
