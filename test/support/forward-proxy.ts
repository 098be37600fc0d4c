import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A small forward proxy for tests, in front of the emulator: plain HTTP requests in absolute form
 * (POST http://host:port/path) are forwarded, CONNECT host:port opens a tunnel. It resolves only
 * the names it is given (e.g. redshift.proxy-only.test → 127.0.0.1), so a request that reaches
 * such a host went through it. It can require Basic credentials (407 otherwise) or refuse every
 * CONNECT with a given status, and it logs what it saw.
 */

export interface ForwardProxyOptions {
  /** Host names the proxy can reach, and the address each stands for. Any other name: 502. */
  names?: Record<string, string>;
  /** Require Proxy-Authorization: Basic with these; else 407 with Proxy-Authenticate. */
  auth?: { username: string; password: string };
  /** Answer every CONNECT with this status instead of opening the tunnel. */
  refuseConnect?: { status: number; statusText: string; body?: string };
  /** Serve the proxy itself over TLS (an https:// proxy URL). */
  tls?: { cert: string; key: string };
}

export interface ProxyLogEntry {
  method: string;
  /** The request target: an absolute URL for plain HTTP, host:port for CONNECT. */
  target: string;
  proxyAuthorization?: string;
  /** What the proxy answered: 200 for a tunnel made, the status otherwise (for plain HTTP, the endpoint's). */
  status?: number;
}

export interface ForwardProxy {
  url: string;
  port: number;
  log: ProxyLogEntry[];
  /** TCP connections clients made to the proxy so far (kept-alive ones count once). */
  readonly connections: number;
  close(): Promise<void>;
}

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

function authorized(req: IncomingMessage, options: ForwardProxyOptions): boolean {
  return options.auth === undefined || req.headers['proxy-authorization'] === basic(options.auth.username, options.auth.password);
}

const PROXY_AUTHENTICATE = 'Basic realm="idc-tui test proxy"';

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const names = options.names ?? {};
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const entry: ProxyLogEntry = { method: req.method ?? '', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] };
    log.push(entry);
    const answer = (status: number, headers: Record<string, string> = {}) => {
      entry.status = status;
      req.resume();
      res.writeHead(status, { 'Content-Type': 'text/html', ...headers }).end(`<html><body>proxy says ${status}</body></html>`);
    };
    if (!authorized(req, options)) return answer(407, { 'Proxy-Authenticate': PROXY_AUTHENTICATE });
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return answer(400);
    }
    const address = names[target.hostname];
    if (address === undefined || target.protocol !== 'http:') return answer(502);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      { host: address, port: Number(target.port || 80), method: req.method, path: `${target.pathname}${target.search}`, headers },
      (answerFromHost) => {
        entry.status = answerFromHost.statusCode;
        res.writeHead(answerFromHost.statusCode ?? 502, answerFromHost.headers);
        answerFromHost.pipe(res);
      },
    );
    upstream.on('error', () => answer(502));
    req.pipe(upstream);
  };

  const tunnel = (req: IncomingMessage, client: Socket, head: Buffer) => {
    track(client);
    const entry: ProxyLogEntry = { method: 'CONNECT', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] };
    log.push(entry);
    const refuse = (status: number, statusText: string, headers = '', body = '') => {
      entry.status = status;
      client.end(`HTTP/1.1 ${status} ${statusText}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    if (!authorized(req, options)) return refuse(407, 'Proxy Authentication Required', `Proxy-Authenticate: ${PROXY_AUTHENTICATE}\r\n`);
    if (options.refuseConnect) {
      const { status, statusText, body } = options.refuseConnect;
      return refuse(status, statusText, 'Content-Type: text/html\r\n', body ?? '');
    }
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/u);
    const address = names[host];
    if (address === undefined) return refuse(502, 'Bad Gateway');
    const upstream = connect(Number(port), address, () => {
      entry.status = 200;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => (entry.status === undefined ? refuse(502, 'Bad Gateway') : client.destroy()));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };

  const server: Server = options.tls ? createTlsServer(options.tls, forward) : createServer(forward);
  server.on('connect', tunnel);
  let connections = 0;
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    connections += 1;
    track(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    log,
    get connections() {
      return connections;
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      })),
  };
}

/** A port on 127.0.0.1 where nothing listens: a proxy that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
