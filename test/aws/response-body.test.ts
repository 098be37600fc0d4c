import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody, readBodyText } from '../../src/aws/response-body.js';

const text = '<Tag><Key>team</Key><Value>données — 東京 🙂</Value></Tag>';

/** The body as the Node HTTP handler gives it: a stream of chunks, here cut every `size` bytes, through multi-byte characters. */
function chunked(size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

describe('readBodyText', () => {
  it.each([1, 2, 3, 5, 7, 64])('decodes a stream cut every %i bytes, characters split across chunks included', async (size) => {
    expect(await readBodyText(chunked(size))).toBe(text);
  });

  it('decodes bytes already read, and says undefined for what is no body', async () => {
    expect(await readBodyText(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text);
    expect(await readBodyText(undefined)).toBeUndefined();
    expect(await readBodyText(42)).toBeUndefined();
  });
});

describe('readBody', () => {
  it('gives the bytes of a stream whole', async () => {
    expect(Buffer.from((await readBody(chunked(3)))!).toString('utf8')).toBe(text);
    expect(await readBody(null)).toBeUndefined();
  });
});
