import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { decodeAwsChunked } from './aws-chunked';
import type { BlobStore } from './blob-store';
import type { MetadataStore } from './metadata-store';
import type { RequestTarget } from './request-target';
import { S3Error } from './s3-error';
import type { Authorization } from './signature-verifier';

export interface StorageDeps {
  metadata: MetadataStore;
  blobs: BlobStore;
  bucket: string;
  now: () => Date;
}

/** One authenticated S3 request, as the operations see it. */
export interface S3Request {
  method: string;
  target: RequestTarget;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array> | null;
  authorization: Authorization;
  /** `scheme://host` the client addressed, for the Location of a completed upload. */
  origin: string;
  /** Records a presigned URL as spent; call inside the transaction that stores its result. */
  spendSignature(): void;
}

/** S3's limit for a single PUT. */
export const MAX_SINGLE_UPLOAD_BYTES = 5 * 1024 ** 3;

const SIGNED_CHUNKS = /^STREAMING-(AWS4-HMAC-SHA256|AWS4-ECDSA-P256-SHA256)-PAYLOAD/;

function parseLength(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new S3Error('InvalidArgument', 400, 'The Content-Length is not a number.');
  return Number(text);
}

/** The request body as a Node stream, aws-chunked framing removed, plus what it must turn out to be. */
export function readBody(request: S3Request, maxLength: number) {
  const payloadHash = request.authorization.kind === 'header' ? request.authorization.payloadHash : undefined;
  if (payloadHash && SIGNED_CHUNKS.test(payloadHash)) {
    throw new S3Error(
      'NotImplemented',
      501,
      'Signed aws-chunked payloads are not supported; send UNSIGNED-PAYLOAD (see createS3Client).',
    );
  }
  const isChunked =
    (request.headers['content-encoding'] ?? '').includes('aws-chunked') ||
    payloadHash?.startsWith('STREAMING-') === true;
  const length = parseLength(
    isChunked ? request.headers['x-amz-decoded-content-length'] : request.headers['content-length'],
  );
  if (length !== undefined && length > maxLength) {
    throw new S3Error('EntityTooLarge', 400, 'Your proposed upload exceeds the maximum allowed size.');
  }
  const raw = request.body
    ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
    : Readable.from([] as Buffer[]);
  return {
    stream: isChunked ? Readable.from(decodeAwsChunked(raw)) : raw,
    expectations: {
      length,
      maxLength,
      contentMd5: request.headers['content-md5'],
      sha256: payloadHash && /^[0-9a-f]{64}$/.test(payloadHash) ? payloadHash : undefined,
    },
  };
}

/** Reads a small body (the Complete XML) whole, refusing anything larger than `limit`. */
export async function readSmallText(request: S3Request, limit: number): Promise<string> {
  const { stream, expectations } = readBody(request, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new S3Error('MaxMessageLengthExceeded', 400, 'Your request was too big.');
    chunks.push(chunk);
  }
  if (expectations.length !== undefined && size !== expectations.length) {
    throw new S3Error('IncompleteBody', 400, 'The request body ended before its declared length.');
  }
  const body = Buffer.concat(chunks);
  if (expectations.sha256 && createHash('sha256').update(body).digest('hex') !== expectations.sha256) {
    throw new S3Error('XAmzContentSHA256Mismatch', 400, 'The provided x-amz-content-sha256 does not match.');
  }
  return body.toString('utf8');
}

export const quoteEtag = (hex: string) => `"${hex}"`;
export const unquoteEtag = (etag: string) => etag.replace(/^"(.*)"$/, '$1');

export const httpDate = (time: number) => new Date(time).toUTCString();
export const isoDate = (time: number) => new Date(time).toISOString();
