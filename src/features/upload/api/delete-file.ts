import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StoredFile } from '../../../contract/files';
import { api } from '../../../lib/api-client';
import { forgetPlan } from '../uppy/resume-plans';
import { abortStoredUpload } from '../uppy/stored-progress';
import { filesQuery } from './list-files';

const deleteFile = (id: string) => api.delete(`/files/${encodeURIComponent(id)}/`);

/** Removes a pending upload: its stored parts first (when it has any), then its record. */
async function removeUpload(file: Pick<StoredFile, 'id' | 'key' | 'upload_id'>) {
  if (file.upload_id) {
    try {
      await abortStoredUpload(file.key, file.upload_id);
    } catch {
      // Already gone from the store (aborted or swept): the record is removed all the same.
    }
    forgetPlan(file.upload_id);
  }
  await deleteFile(file.id);
}

export function useRemoveUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeUpload,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesQuery().queryKey }),
  });
}

export function useDeleteFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFile,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesQuery().queryKey }),
  });
}
