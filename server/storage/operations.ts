import { completeMultipartUpload } from './complete-multipart-upload';
import { abortMultipartUpload, createMultipartUpload, listParts, uploadPart } from './multipart-operations';
import { deleteObject, getObject, putObject } from './object-operations';
import type { RequestTarget } from './request-target';
import { S3Error } from './s3-error';
import type { S3Request, StorageDeps } from './s3-request';

type Operation = (deps: StorageDeps, request: S3Request) => Response | Promise<Response>;

const methodNotAllowed = () =>
  new S3Error('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');
const notImplemented = (what: string) =>
  new S3Error('NotImplemented', 501, `${what} is not implemented by this store.`);

const headBucket: Operation = () => new Response(null, { status: 200 });

/** Picks the S3 operation the way S3 does: by method, then by the sub-resource in the query. */
export function resolveOperation(method: string, target: RequestTarget): Operation {
  const has = (name: string) => target.query[name] !== undefined;
  if (target.bucket === '') throw notImplemented('ListBuckets');
  if (target.key === '') {
    if (method === 'HEAD') return headBucket;
    if (method === 'GET') throw notImplemented('Listing objects');
    throw methodNotAllowed();
  }
  switch (method) {
    case 'PUT':
      if (has('uploadId') || has('partNumber')) {
        if (!has('uploadId') || !has('partNumber')) {
          throw new S3Error('InvalidRequest', 400, 'UploadPart needs both uploadId and partNumber.');
        }
        return uploadPart;
      }
      return putObject;
    case 'POST':
      if (has('uploads')) return createMultipartUpload;
      if (has('uploadId')) return completeMultipartUpload;
      throw methodNotAllowed();
    case 'GET':
      return has('uploadId') ? listParts : getObject;
    case 'HEAD':
      return getObject;
    case 'DELETE':
      return has('uploadId') ? abortMultipartUpload : deleteObject;
    default:
      throw methodNotAllowed();
  }
}
