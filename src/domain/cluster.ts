export interface ClusterEndpoint {
  address: string;
  port: number;
}

/** What the app keeps of a DescribeClusters entry. DBName and Endpoint can be absent (e.g. while creating). */
export interface Cluster {
  id: string;
  status: string;
  availability?: string;
  nodeType?: string;
  nodes?: number;
  dbName?: string;
  endpoint?: ClusterEndpoint;
  az?: string;
  tags: Record<string, string>;
}

export interface AuthToken {
  token: string;
  expiresAt: Date;
  /**
   * Server clock minus local clock in ms, as the AWS SDK measured it from the answer's Date header
   * (its clock-skew correction, `client.config.systemClockOffset`). Absent when unknown.
   */
  clockOffsetMs?: number;
}
