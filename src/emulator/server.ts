import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { demoClusters } from './demo-clusters.js';
import type { EmulatorCluster } from './emulator-cluster.js';
import { FaultBook, type FaultSpec } from './faults.js';
import { generateClusters } from './generate-clusters.js';
import { handleRequest, type RequestRecord } from './request-handler.js';

export type { ClusterAvailabilityStatus, ClusterStatus, EmulatorCluster, EmulatorTag } from './emulator-cluster.js';
export type { FaultKind, FaultSpec, SimpleFaultKind } from './faults.js';
export { formatFault, parseFault } from './faults.js';
export type { RequestRecord } from './request-handler.js';
export { demoClusters } from './demo-clusters.js';
export { generateClusters } from './generate-clusters.js';
export { startEmulatorCli } from './cli.js';

export interface EmulatorOptions {
  host?: string;
  port?: number;
  /** undefined = the demo set; a number = a generated set of that size */
  clusters?: EmulatorCluster[] | number;
  tokenTtlSeconds?: number;
  faults?: FaultSpec[];
  /** Serve HTTPS when given. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  now?: () => number;
  logRequest?: (entry: { action: string; status: number; code?: string }) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  clusters: EmulatorCluster[];
  /** Every request answered so far; status 0 with code 'ConnectionReset' for a reset. Never holds tokens. */
  requests: RequestRecord[];
  setFaults(faults: FaultSpec[]): void;
  close(): Promise<void>;
}

function initialClusters(clusters: EmulatorOptions['clusters']): EmulatorCluster[] {
  if (clusters === undefined) return demoClusters();
  if (typeof clusters === 'number') return generateClusters(clusters);
  return [...clusters];
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function formatUrl(scheme: string, host: string, port: number): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const clusters = initialClusters(opts.clusters);
  const requests: RequestRecord[] = [];
  const faults = new FaultBook(opts.faults);
  const pending = new Map<NodeJS.Timeout, () => void>();

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        resolve();
      }, ms);
      pending.set(timer, resolve);
    });

  const state = {
    clusters,
    faults,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600,
    now: opts.now ?? Date.now,
    delay,
    record: (entry: RequestRecord) => {
      requests.push(entry);
      opts.logRequest?.({ action: entry.action, status: entry.status, ...(entry.code === undefined ? {} : { code: entry.code }) });
    },
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    res.on('error', () => undefined);
    void handleRequest(state, req, res);
  };
  const server: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest) : createHttpServer(onRequest);

  const port = await listen(server, opts.port ?? 0, host);
  let closing: Promise<void> | undefined;
  return {
    url: formatUrl(opts.tls ? 'https' : 'http', host, port),
    port,
    clusters,
    requests,
    setFaults: (specs) => faults.set(specs),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const [timer, release] of pending) {
          clearTimeout(timer);
          release();
        }
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
