import Uppy from '@uppy/core';
import { ALLOWED_EXTENSIONS, MAX_UPLOAD_BYTES } from '../../../contract/upload';
import { completeUpload } from '../api/complete-upload';
import { signUpload } from '../api/sign-upload';
import { AdaptiveS3, type UploadBody, type UploadMeta } from './adaptive-s3';

export interface UploadController {
  uppy: Uppy<UploadMeta, UploadBody>;
  /** Called whenever the API's file list changed: an upload started, was cancelled or was recorded. */
  onFilesChanged(listener: () => void): () => void;
  /** Continues a pending multipart upload with the file chosen again, right away. */
  continueUpload(file: File, pending: { key: string; uploadId: string; mappingId: string | null }): void;
}

function createController(orgId: string): UploadController {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const uppy = new Uppy<UploadMeta, UploadBody>({
    // Per organization, so nothing queued for one account is shown to another.
    id: `hp-upload-${orgId}`,
    autoProceed: false,
    restrictions: { allowedFileTypes: [...ALLOWED_EXTENSIONS], maxFileSize: MAX_UPLOAD_BYTES },
  });
  // Reloads are handled by the pending-uploads list (server-side state plus each upload's part plan), not by
  // Golden Retriever: it keeps no bytes of large files and restored them as ghosts that had to be found again.
  uppy.use(AdaptiveS3, {
    async sign(body) {
      const signed = await signUpload(body);
      if (body.operation !== 'upload_part' && body.operation !== 'list_parts') notify();
      return signed;
    },
  });

  uppy.on('upload-success', (file, response) => {
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
    continueUpload(file, pending) {
      const id = uppy.addFile({
        name: file.name,
        type: file.type,
        data: file,
        source: 'resume',
        meta: {
          hpResume: { key: pending.key, uploadId: pending.uploadId },
          ...(pending.mappingId ? { hpMappingId: pending.mappingId } : {}),
        },
      });
      // Only this file starts: others in the queue may still be waiting for their column mapping.
      void uppy.retryUpload(id).catch(() => {});
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
