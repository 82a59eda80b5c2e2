import type { AwsS3Options } from '@uppy/aws-s3';
import type { Body, Meta } from '@uppy/core';
import type { SignRequest } from '../../../contract/upload';

type SignRequestFn = Extract<AwsS3Options<Meta, Body>, { signRequest: unknown }>['signRequest'];
export type PresignableRequest = Parameters<SignRequestFn>[0];

/** What the page knows about the file a PutObject or CreateMultipartUpload is for. */
export interface LocalFile {
  name: string;
  type: string;
  size: number;
  /** The key a failed single PUT was signed for, so a retry reuses its file record. */
  pendingKey?: string | undefined;
}

/**
 * Turns one of Uppy's S3 requests into the API's sign operation. Requests with an upload id belong to a
 * multipart upload whose key the API made; the two without one start a new upload from the file's name.
 */
export function toSignRequest(request: PresignableRequest, file: LocalFile | undefined): SignRequest {
  if ('uploadId' in request) {
    const common = { key: request.key, upload_id: request.uploadId };
    if ('partNumber' in request)
      return { operation: 'upload_part', ...common, part_number: request.partNumber };
    if (request.method === 'GET') return { operation: 'list_parts', ...common };
    if (request.method === 'POST') return { operation: 'complete_multipart', ...common };
    return { operation: 'abort_multipart', ...common };
  }
  if (request.method === 'DELETE')
    throw new Error('Deleting objects goes through the files API, not the uploader.');
  if (!file) throw new Error('This file is no longer in the upload queue.');
  const described = { filename: file.name, content_type: file.type || undefined, size: file.size };
  if (request.method === 'POST') return { operation: 'create_multipart', ...described };
  return file.pendingKey
    ? { operation: 'put_object', key: file.pendingKey }
    : { operation: 'put_object', ...described };
}
