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

/** The body as UTF-8 text, decoded chunk by chunk as it arrives (no copy of the whole body in bytes), or undefined. */
export async function readBodyText(body: unknown): Promise<string | undefined> {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (!isStream(body)) return undefined;
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of body) text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
  return text + decoder.end();
}
