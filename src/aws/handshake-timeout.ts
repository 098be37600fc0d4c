import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';

/** Destroys socket with a TimeoutError unless its TLS handshake completes within ms (0 = no limit). */
export function limitHandshake(socket: Duplex, ms: number): void {
  if (ms <= 0) return;
  const timer = setTimeout(() => {
    const error = Object.assign(
      new Error(`the request socket did not establish a connection with the server within the configured timeout of ${ms} ms (TLS handshake).`),
      { name: 'TimeoutError' },
    );
    socket.destroy(error);
  }, ms);
  timer.unref();
  const clear = () => clearTimeout(timer);
  socket.once('secureConnect', clear);
  socket.once('close', clear);
}

/**
 * The SDK's connectionTimeout stops at the TCP connect, so a server that accepts the connection
 * but never finishes the TLS handshake would hang until the read timeout. The AWS CLI counts the
 * handshake as part of connecting (--cli-connect-timeout); this agent does too.
 */
export class HandshakeTimeoutAgent extends Agent {
  constructor(
    options: AgentOptions,
    private readonly connectTimeoutMs: number,
  ) {
    super(options);
  }

  override createConnection(...args: Parameters<Agent['createConnection']>): Duplex | null | undefined {
    const socket = super.createConnection(...args);
    if (socket) limitHandshake(socket, this.connectTimeoutMs);
    return socket;
  }
}
