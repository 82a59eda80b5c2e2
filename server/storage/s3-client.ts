import { S3Client } from '@aws-sdk/client-s3';

interface S3ClientOptions {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * An S3 client for any S3-compatible store, the embedded one included. Path-style addressing keeps the
 * bucket out of the host name (localhost has no subdomains); checksums are only sent when an operation
 * requires them, because many S3-compatible stores reject or mishandle the SDK's default flexible
 * checksums and their aws-chunked bodies.
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
