import type { EmulatorCluster } from '../emulator-cluster.js';
import type { FaultBook } from '../faults.js';
import type { Params } from '../query-protocol.js';

export interface ActionContext {
  params: Params;
  clusters: readonly EmulatorCluster[];
  /** The server's clock, skew included, in ms since the epoch. */
  nowMs: number;
  tokenTtlSeconds: number;
  faults: FaultBook;
}

/** Answers with the content of the <ActionResult> element or throws a QueryError. */
export type Action = (ctx: ActionContext) => string;
