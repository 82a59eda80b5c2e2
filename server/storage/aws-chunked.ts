import { S3Error } from './s3-error';

const malformedChunk = () =>
  new S3Error('IncompleteBody', 400, 'The aws-chunked request body is malformed or was cut off.');

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n … 0\r\n<trailers>\r\n\r\n`),
 * which the AWS SDK sends when it adds a flexible checksum trailer. Data is passed on as it arrives;
 * only the framing lines are buffered.
 */
export async function* decodeAwsChunked(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let remainingInChunk = 0;
  let isAwaitingChunkEnd = false;
  let isInTrailer = false;

  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length > 0) {
      if (remainingInChunk > 0) {
        const data = pending.subarray(0, remainingInChunk);
        remainingInChunk -= data.length;
        pending = pending.subarray(data.length);
        yield data;
        isAwaitingChunkEnd = remainingInChunk === 0;
        continue;
      }
      const lineEnd = pending.indexOf('\r\n');
      if (lineEnd < 0) {
        if (pending.length > 4096) throw malformedChunk();
        break;
      }
      const line = pending.subarray(0, lineEnd).toString('latin1');
      pending = pending.subarray(lineEnd + 2);
      if (isAwaitingChunkEnd) {
        if (line !== '') throw malformedChunk();
        isAwaitingChunkEnd = false;
      } else if (isInTrailer) {
        // Trailing checksums (x-amz-checksum-*) are not verified; the MD5 ETag is the integrity check here.
        if (line === '') return;
      } else {
        const sizeText = line.split(';')[0] ?? '';
        if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw malformedChunk();
        remainingInChunk = Number.parseInt(sizeText, 16);
        isInTrailer = remainingInChunk === 0;
      }
    }
  }
  if (!isInTrailer || pending.length > 0) throw malformedChunk();
}
