/** The whole body of an SDK HTTP answer (a stream from the Node handler, or bytes already read), or undefined when it is neither. */
export async function readBody(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof Uint8Array) return body;
  if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
