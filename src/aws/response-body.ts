import { StringDecoder } from 'node:string_decoder';

function isStream(body: unknown): body is AsyncIterable<Buffer | string> {
  return body !== null && typeof body === 'object' && Symbol.asyncIterator in body;
}

/** The whole body of an SDK HTTP answer (a stream from the Node handler, or bytes already read), or undefined when it is neither. */
export async function readBody(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof Uint8Array) return body;
  if (!isStream(body)) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Thrown by readBodyText when a body goes past its limit; the rest of it is not read. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * The body as UTF-8 text, decoded chunk by chunk as it arrives (no copy of the whole body in bytes),
 * or undefined. Past maxBytes it stops reading (closing the stream) and throws BodyTooLarge.
 */
export async function readBodyText(body: unknown, maxBytes = Infinity): Promise<string | undefined> {
  if (body instanceof Uint8Array) {
    if (body.byteLength > maxBytes) throw new BodyTooLarge(maxBytes);
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  }
  if (!isStream(body)) return undefined;
  const decoder = new StringDecoder('utf8');
  let text = '';
  let bytes = 0;
  for await (const chunk of body) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > maxBytes) throw new BodyTooLarge(maxBytes);
    text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
  }
  return text + decoder.end();
}
