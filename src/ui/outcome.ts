import type { AuthToken } from '../domain/cluster.js';

/** How the app ended; the root that rendered it decides what that means (exit code, printing). */
export type AppOutcome = { kind: 'quit' } | { kind: 'cancel' } | { kind: 'token'; token: AuthToken; clusterIds: string[] };
