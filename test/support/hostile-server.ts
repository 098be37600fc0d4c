import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP server that plays a hostile or broken Redshift endpoint (or a proxy or captive
 * portal in front of one): each request's Action goes to a handler that answers with whatever
 * bytes it likes. Unlike src/emulator it never tries to be faithful; tests use it for answers a
 * real Redshift never sends (control characters, HTML, empty bodies, repeating markers, trickles).
 */

export const NS = 'http://redshift.amazonaws.com/doc/2012-12-01/';

export interface HostileRequest {
  action: string;
  params: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** 1 for the first request of this action, 2 for the second… */
  count: number;
  /** The request line's path, query included: /, /prefix… */
  path: string;
}

export interface HostileAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Either an answer, or full control of the raw response (trickle, hang, destroy the socket). */
export type HostileHandler = (req: HostileRequest, res: ServerResponse) => HostileAnswer | 'handled' | Promise<HostileAnswer | 'handled'>;

export interface HostileServer {
  url: string;
  port: number;
  /** Every request, in order, with its Action and form parameters. */
  requests: HostileRequest[];
  /** Replaces the handler of one action (e.g. 'DescribeClusters'); '*' answers any action without its own. */
  on(action: string, handler: HostileHandler): void;
  close(): Promise<void>;
}

/** A Query-protocol success document: `<XResponse><XResult>inner</XResult><ResponseMetadata>…`. */
export function queryResponse(action: string, inner: string, ns = NS): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ns}"><${action}Result>${inner}</${action}Result>` +
    `<ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** XML text escaping only (<, >, &): control characters pass through as the hostile server wants. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface HostileCluster {
  id: string;
  status?: string;
  nodeType?: string;
  dbName?: string;
  address?: string;
  port?: number | string;
  tags?: Record<string, string>;
}

/** A DescribeClusters result with the given clusters (raw strings go in as given, XML-escaped only). */
export function clustersResult(clusters: readonly HostileCluster[], marker?: string): string {
  const members = clusters
    .map((c) => {
      const parts = [
        `<ClusterIdentifier>${xmlText(c.id)}</ClusterIdentifier>`,
        `<NodeType>${xmlText(c.nodeType ?? 'ra3.xlplus')}</NodeType>`,
        `<ClusterStatus>${xmlText(c.status ?? 'available')}</ClusterStatus>`,
        `<ClusterAvailabilityStatus>Available</ClusterAvailabilityStatus>`,
        c.dbName === undefined ? '' : `<DBName>${xmlText(c.dbName)}</DBName>`,
        c.address === undefined ? '' : `<Endpoint><Address>${xmlText(c.address)}</Address><Port>${xmlText(String(c.port ?? 5439))}</Port></Endpoint>`,
        `<NumberOfNodes>2</NumberOfNodes>`,
        `<AvailabilityZone>us-east-1a</AvailabilityZone>`,
        c.tags
          ? `<Tags>${Object.entries(c.tags)
              .map(([k, v]) => `<Tag><Key>${xmlText(k)}</Key><Value>${xmlText(v)}</Value></Tag>`)
              .join('')}</Tags>`
          : '',
      ];
      return `<Cluster>${parts.join('')}</Cluster>`;
    })
    .join('');
  return `<Clusters>${members}</Clusters>${marker === undefined ? '' : `<Marker>${xmlText(marker)}</Marker>`}`;
}

/** A GetIdentityCenterAuthToken result; either field may be left out. */
export function tokenResult(token: string | undefined, expiration: string | undefined): string {
  return (token === undefined ? '' : `<Token>${xmlText(token)}</Token>`) + (expiration === undefined ? '' : `<ExpirationTime>${xmlText(expiration)}</ExpirationTime>`);
}

export interface TrickleOptions {
  /** Sent with the headers, at once. */
  head: string;
  /** Then one of these every `everyMs` (white space inside the document by default). */
  drip?: string;
  everyMs: number;
  /** After this long the rest goes out and the answer ends (with headersToo: the connection is closed); without it the answer never ends. */
  finishAfterMs?: number;
  /** The rest of the document, sent when it finishes. */
  tail?: string;
  /** Trickle the status line and headers too (a byte each `everyMs`), written raw on the socket. */
  headersToo?: boolean;
}

/**
 * A handler for an answer that never goes quiet for long and never (or only very late) ends: a
 * read timeout, which bounds silence, never fires. Stops when the connection closes.
 */
export function trickle(options: TrickleOptions): HostileHandler {
  return (_req, res) => {
    const drip = options.drip ?? ' ';
    const timers: NodeJS.Timeout[] = [];
    const stop = () => timers.forEach((t) => clearInterval(t));
    res.on('close', stop);
    if (options.headersToo) {
      const socket = res.socket;
      if (!socket) return 'handled';
      const raw = `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Padding: `;
      let at = 0;
      socket.on('close', stop);
      timers.push(setInterval(() => socket.write(at < raw.length ? raw[at++]! : 'x'), options.everyMs));
      if (options.finishAfterMs !== undefined) timers.push(setTimeout(() => socket.destroy(), options.finishAfterMs));
      return 'handled';
    }
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.write(options.head);
    timers.push(setInterval(() => res.write(drip), options.everyMs));
    if (options.finishAfterMs !== undefined) {
      timers.push(
        setTimeout(() => {
          stop();
          res.end(options.tail ?? '');
        }, options.finishAfterMs),
      );
    }
    return 'handled';
  };
}

export const CALLER_ARN = 'arn:aws:sts::123456789012:assumed-role/Hostile/alice';

const defaults: Record<string, HostileHandler> = {
  DescribeClusters: () => ({ body: queryResponse('DescribeClusters', clustersResult([{ id: 'plain-cluster', dbName: 'dev', address: 'plain.example.com' }])) }),
  GetIdentityCenterAuthToken: () => ({
    body: queryResponse('GetIdentityCenterAuthToken', tokenResult('eyJhbGciOiJIUzI1NiJ9.hostile-test-token.c2lnbmF0dXJl', new Date(Date.now() + 3_600_000).toISOString())),
  }),
  GetCallerIdentity: () => ({
    body: queryResponse(
      'GetCallerIdentity',
      `<Arn>${CALLER_ARN}</Arn><UserId>AROAHOSTILE:alice</UserId><Account>123456789012</Account>`,
      'https://sts.amazonaws.com/doc/2011-06-15/',
    ),
  }),
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the server on 127.0.0.1 and a free port; handlers given here replace the defaults. */
export async function startHostileServer(handlers: Record<string, HostileHandler> = {}): Promise<HostileServer> {
  const table: Record<string, HostileHandler> = { ...defaults, ...handlers };
  const requests: HostileRequest[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    void (async () => {
      const params = new URLSearchParams(await readBody(req));
      const action = params.get('Action') ?? '';
      const count = (counts.get(action) ?? 0) + 1;
      counts.set(action, count);
      const request: HostileRequest = { action, params, headers: req.headers, count, path: req.url ?? '' };
      requests.push(request);
      const handler = table[action] ?? table['*'];
      if (!handler) {
        res.writeHead(400, { 'Content-Type': 'text/xml' });
        res.end(`<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Unknown action ${xmlText(action)}</Message></Error><RequestId>0</RequestId></ErrorResponse>`);
        return;
      }
      const answer = await handler(request, res);
      if (answer === 'handled') return;
      const body = answer.body ?? '';
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'text/xml', 'Content-Length': String(Buffer.byteLength(body)), ...answer.headers });
      res.end(body);
    })().catch((err: unknown) => {
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    on(action, handler) {
      table[action] = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
