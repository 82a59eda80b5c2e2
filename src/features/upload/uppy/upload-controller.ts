import AwsS3, { type AwsBody } from '@uppy/aws-s3';
import Uppy, { type Meta } from '@uppy/core';
import GoldenRetriever from '@uppy/golden-retriever';
import { ALLOWED_EXTENSIONS } from '../../../contract/upload';
import { completeUpload } from '../api/complete-upload';
import { signUpload } from '../api/sign-upload';
import { MULTIPART_THRESHOLD, partSizeFor } from './part-size';
import { toSignRequest } from './s3-signing';

/** The server's default limit; a smaller limit configured there is reported when the upload is signed. */
export const MAX_UPLOAD_BYTES = 20 * 1024 ** 3;

export interface UploadController {
  uppy: Uppy<Meta, AwsBody>;
  /** Called whenever the API's file list changed: an upload started, was cancelled or was recorded. */
  onFilesChanged(listener: () => void): () => void;
}

function createController(orgId: string): UploadController {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  // Uppy file id → the key a single PUT was signed for, so a retry reuses its file record.
  const pendingKeys = new Map<string, string>();
  const uppy = new Uppy<Meta, AwsBody>({
    // Per organization, so a queue restored after a reload is never shown to another account.
    id: `hp-upload-${orgId}`,
    autoProceed: false,
    restrictions: { allowedFileTypes: [...ALLOWED_EXTENSIONS], maxFileSize: MAX_UPLOAD_BYTES },
  });
  uppy.use(AwsS3, {
    // The API makes the real key; the requested one only tells `signRequest` which queued file this is.
    generateObjectKey: (file) => file.id,
    shouldUseMultipart: (file) => (file.size ?? 0) > MULTIPART_THRESHOLD,
    getChunkSize: (file) => partSizeFor(file.size),
    async signRequest(request) {
      const isNewUpload = !('uploadId' in request);
      const file = isNewUpload ? uppy.getFile(request.key) : undefined;
      const body = toSignRequest(
        request,
        file && {
          name: file.name ?? 'untitled',
          type: file.type,
          size: file.size ?? 0,
          pendingKey: pendingKeys.get(file.id),
        },
      );
      const signed = await signUpload(body);
      if (file && body.operation === 'put_object') pendingKeys.set(file.id, signed.key);
      if (body.operation !== 'upload_part' && body.operation !== 'list_parts') notify();
      return { url: signed.url, key: signed.key, headers: signed.headers };
    },
  });
  // Restores the queue after a reload; multipart uploads continue from ListParts.
  uppy.use(GoldenRetriever);

  uppy.on('upload-success', (file, response) => {
    if (file) pendingKeys.delete(file.id);
    const key = response.body?.key;
    if (!key) return;
    completeUpload(key).then(notify, (error: unknown) => {
      uppy.info(
        `${file?.name ?? 'A file'} was sent but could not be recorded: ${(error as Error).message}`,
        'error',
        10_000,
      );
    });
  });

  return {
    uppy,
    onFilesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let current: { orgId: string; controller: UploadController } | null = null;

/**
 * One uploader per signed-in organization, kept outside React so uploads keep running while the user
 * reads another page; switching accounts closes the previous one.
 */
export function uploadControllerFor(orgId: string): UploadController {
  if (current?.orgId === orgId) return current.controller;
  current?.controller.uppy.destroy();
  current = { orgId, controller: createController(orgId) };
  return current.controller;
}
