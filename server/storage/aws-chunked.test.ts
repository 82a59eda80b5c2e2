import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeAwsChunked } from './aws-chunked';

async function decode(pieces: Buffer[]): Promise<Buffer> {
  const output: Buffer[] = [];
  for await (const chunk of decodeAwsChunked(Readable.from(pieces))) output.push(chunk);
  return Buffer.concat(output);
}

/** Splits bytes into pieces of `size`, the way a slow network would deliver them. */
const split = (bytes: Buffer, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
    bytes.subarray(index * size, (index + 1) * size),
  );

describe('decodeAwsChunked', () => {
  const payload = Buffer.from('hello, chunked world! '.repeat(20));
  const framed = Buffer.concat([
    Buffer.from(`100\r\n`),
    payload.subarray(0, 0x100),
    Buffer.from(`\r\n${(payload.length - 0x100).toString(16)};chunk-signature=abc\r\n`),
    payload.subarray(0x100),
    Buffer.from('\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n'),
  ]);

  it('strips the framing whatever the network chunk boundaries', async () => {
    for (const size of [1, 2, 7, 100, framed.length]) {
      expect((await decode(split(framed, size))).equals(payload)).toBe(true);
    }
  });

  it('refuses a body cut off before the final chunk', async () => {
    await expect(decode([framed.subarray(0, 200)])).rejects.toMatchObject({ code: 'IncompleteBody' });
  });

  it('refuses a size line that is not hexadecimal', async () => {
    await expect(decode([Buffer.from('zz\r\nabc\r\n0\r\n\r\n')])).rejects.toMatchObject({
      code: 'IncompleteBody',
    });
  });
});
